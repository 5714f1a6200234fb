import { useEffect, useRef } from 'react';
import type { FormatDefinition } from '@empiria/formats';
import { useT } from '../i18n/language-store';
import { formatDuration, useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { useStepPanelStore } from './panel-store';
import { ToolChips } from './ToolChips';

/**
 * The format's description, readable in one go: what it is for, what it produces, when to use
 * it, and each step with its goal, instruction, technique, tools and length.
 */
export function FormatGuide() {
  const open = useStepPanelStore((state) => state.guideOpen);
  const close = useStepPanelStore((state) => state.closeGuide);
  const format = useStepStore((state) => state.format);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="format-guide"
      aria-labelledby="format-guide-title"
      onClose={close}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) close();
      }}
      data-testid="format-guide"
    >
      {open && format && <GuideContent format={format} onClose={close} />}
    </dialog>
  );
}

function GuideContent({ format, onClose }: { format: FormatDefinition; onClose: () => void }) {
  const t = useT();
  const local = useLocalized();
  const currentIndex = useStepStore((state) => state.currentIndex);
  const total = format.steps.reduce((sum, step) => sum + step.minutes, 0);
  return (
    <div className="format-guide-body">
      <header className="format-guide-header">
        <div>
          <p className="eyebrow">{t('guide.eyebrow')}</p>
          <h2 id="format-guide-title">{local(format.name)}</h2>
          {format.steps.length > 0 && (
            <p className="muted">
              {t('guide.summary', { count: format.steps.length, duration: formatDuration(t, total) })}
            </p>
          )}
        </div>
        <button type="button" className="button-secondary" onClick={onClose} autoFocus>
          {t('guide.close')}
        </button>
      </header>
      <dl className="format-guide-facts">
        <dt>{t('guide.goal')}</dt>
        <dd>{local(format.goal)}</dd>
        <dt>{t('guide.result')}</dt>
        <dd>{local(format.result)}</dd>
        <dt>{t('guide.whenToUse')}</dt>
        <dd>{local(format.whenToUse)}</dd>
      </dl>
      {format.steps.length > 0 && (
        <>
          <h3 className="format-guide-steps-heading">{t('guide.steps')}</h3>
          <ol className="format-guide-steps">
            {format.steps.map((step, index) => (
              <li
                key={step.id}
                className={index === currentIndex ? 'format-guide-step is-current' : 'format-guide-step'}
              >
                <header>
                  <span className="step-number-badge" aria-hidden="true">
                    {index + 1}
                  </span>
                  <h4>{local(step.title)}</h4>
                  {index === currentIndex && <span className="pill pill-current">{t('guide.current')}</span>}
                  <span className="format-guide-minutes">{formatDuration(t, step.minutes)}</span>
                </header>
                <dl>
                  <dt>{t('guide.stepGoal')}</dt>
                  <dd>{local(step.goal)}</dd>
                  <dt>{t('guide.instruction')}</dt>
                  <dd>{local(step.instruction)}</dd>
                  <dt>{t('guide.notes')}</dt>
                  <dd>{local(step.facilitatorNotes)}</dd>
                  <dt>{t('guide.tools')}</dt>
                  <dd>
                    {step.tools.length > 0 ? (
                      <ToolChips step={step} />
                    ) : (
                      <span className="muted">{t('guide.noTools')}</span>
                    )}
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
