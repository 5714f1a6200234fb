import { useT } from '../i18n/language-store';
import { useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';

/**
 * For the facilitator and the expert: the current step's goal and technique, folded by default
 * (their screen is often the room's too).
 */
export function LeadNotes() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  if (!canLead || !step) return null;
  return (
    <details className="lead-notes" data-testid="lead-notes">
      <summary>{t('step.leadNotes')}</summary>
      <dl>
        <dt>{t('guide.stepGoal')}</dt>
        <dd>{local(step.goal)}</dd>
        <dt>{t('guide.notes')}</dt>
        <dd>{local(step.facilitatorNotes)}</dd>
      </dl>
    </details>
  );
}
