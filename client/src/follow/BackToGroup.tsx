import { useT } from '../i18n/language-store';
import { useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { useFollowStore } from './follow-store';

/** Shown while this person looks around: one click takes them back to the group's sheet. */
export function BackToGroup() {
  const t = useT();
  const local = useLocalized();
  const mode = useFollowStore((state) => state.mode);
  const backToGroup = useFollowStore((state) => state.backToGroup);
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  if (mode !== 'looking-around' || !format || format.steps.length === 0) return null;
  const step = currentIndex === null ? null : format.steps[currentIndex];
  return (
    <div className="back-to-group">
      <button
        type="button"
        className="button-primary button-large"
        onClick={backToGroup}
        data-testid="back-to-group"
      >
        <svg
          viewBox="0 0 24 24"
          width="1.2em"
          height="1.2em"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M9 14L4 9l5-5" />
          <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        </svg>
        {t('follow.back')}
      </button>
      {step && currentIndex !== null && (
        <span className="back-to-group-where">
          {t('follow.where', { number: currentIndex + 1, title: local(step.title) })}
        </span>
      )}
    </div>
  );
}
