import { useLanguageStore, useT } from '../i18n/language-store';
import { quotedList, useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { nextStepIndex, previousStepIndex } from '../control/step-plan';

/** The facilitator's and expert's moves: previous, next, and the question before a jump ahead. */
export function StepControls() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const next = useStepStore((state) => state.next);
  const previous = useStepStore((state) => state.previous);
  if (!format || !canLead || format.steps.length === 0) return null;

  const hasNext = nextStepIndex(format, currentIndex) !== null;
  const hasPrevious = previousStepIndex(currentIndex) !== null;
  return (
    <div className="step-controls" data-testid="step-controls">
      <button
        type="button"
        className="button-primary step-next"
        onClick={next}
        disabled={!hasNext}
        data-testid="step-next"
        aria-keyshortcuts="Alt+ArrowRight"
        title={t('step.keys')}
      >
        <span>
          {currentIndex === null ? t('step.start') : t('step.next')} <span aria-hidden="true">→</span>
        </span>
        <kbd className="key-hint">Alt+→</kbd>
      </button>
      <div className="step-controls-row">
        {currentIndex !== null && (
          <button
            type="button"
            className="button-secondary step-previous"
            onClick={previous}
            disabled={!hasPrevious}
            data-testid="step-previous"
            aria-keyshortcuts="Alt+ArrowLeft"
            title={t('step.keys')}
          >
            <span aria-hidden="true">←</span> {t('step.previous')}
            <kbd className="key-hint">Alt+←</kbd>
          </button>
        )}
        {!hasNext && <p className="step-keys">{t('step.last')}</p>}
      </div>
      <SkipQuestion />
    </div>
  );
}

/** Asks once, in plain words, before the group jumps past steps it has not worked on. */
function SkipQuestion() {
  const t = useT();
  const local = useLocalized();
  const language = useLanguageStore((state) => state.language);
  const format = useStepStore((state) => state.format);
  const question = useStepStore((state) => state.skipQuestion);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const confirmSkip = useStepStore((state) => state.confirmSkip);
  const cancelSkip = useStepStore((state) => state.cancelSkip);
  if (!format || !question) return null;
  const target = format.steps[question.target.index];
  if (!target) return null;
  const titles = question.skipped.map((index) => local(format.steps[index]!.title));
  const number = question.target.index + 1;
  return (
    <div
      className="confirm step-skip"
      role="alertdialog"
      aria-labelledby="skip-question"
      data-testid="skip-question"
    >
      <p id="skip-question">
        <strong>{t('step.skip.question', { number, title: local(target.title) })}</strong>
      </p>
      <p>{t('step.skip.detail', { count: titles.length, titles: quotedList(t, language, titles) })}</p>
      <div className="confirm-actions">
        <button
          type="button"
          className="button-primary"
          onClick={confirmSkip}
          data-testid="skip-confirm"
          autoFocus
        >
          {t('step.skip.confirm', { number })}
        </button>
        <button type="button" className="button-secondary" onClick={cancelSkip}>
          {currentIndex === null ? t('common.cancel') : t('step.skip.stay', { number: currentIndex + 1 })}
        </button>
      </div>
    </div>
  );
}
