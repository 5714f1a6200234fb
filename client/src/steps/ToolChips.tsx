import type { Step } from '@empiria/formats';
import { useT } from '../i18n/language-store';
import { ToolIcon } from './ToolIcon';

/** The tools a step turns on, each as an icon with its name (and the votes each person has). */
export function ToolChips({ step, label }: { step: Step; label?: string }) {
  const t = useT();
  if (step.tools.length === 0) return null;
  return (
    <ul className="tool-chips" aria-label={label}>
      {step.tools.map((tool) => (
        <li key={tool} className={`tool-chip tool-${tool}`} data-tool={tool}>
          <ToolIcon tool={tool} />
          <span>
            {t(`tool.${tool}`)}
            {tool === 'dot-voting' && step.votesPerPerson !== undefined && (
              <span className="tool-chip-detail"> · {t('tool.votes', { count: step.votesPerPerson })}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
