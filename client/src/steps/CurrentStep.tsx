import { useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/language-store';
import { formatDuration, useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { ToolChips } from './ToolChips';

/**
 * What to do now, for everyone: the step's number and title, its instruction and the tools it
 * uses. In the step panel a long instruction scrolls here while the facilitator's buttons below
 * stay in view; a new step starts at its top.
 */
export function CurrentStep() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const synced = useStepStore((state) => state.synced);
  const canLead = useStepStore((state) => state.canLead);
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    section.current?.scrollTo({ top: 0 });
  }, [currentIndex]);
  if (!format) return null;

  const step = currentIndex === null ? null : format.steps[currentIndex];
  if (!step || currentIndex === null) {
    return (
      <section className="current-step current-step-waiting" data-testid="current-step" data-step-id="">
        <h2 className="current-step-title">{synced ? t('step.notStarted.title') : t('step.loading')}</h2>
        {synced && (
          <p className="current-step-instruction">
            {canLead ? t('step.notStarted.lead') : t('step.notStarted.body')}
          </p>
        )}
      </section>
    );
  }
  return (
    <section
      ref={section}
      className="current-step"
      aria-label={t('step.region')}
      aria-live="polite"
      data-testid="current-step"
      data-step-id={step.id}
      data-step-index={currentIndex}
    >
      <p className="current-step-eyebrow">
        <span className="step-number-badge" aria-hidden="true">
          {currentIndex + 1}
        </span>
        <span>{t('step.of', { number: currentIndex + 1, total: format.steps.length })}</span>
        <span className="current-step-minutes">
          {t('step.planned', { duration: formatDuration(t, step.minutes) })}
        </span>
      </p>
      <h2 className="current-step-title" data-testid="current-step-title">
        {local(step.title)}
      </h2>
      <p className="current-step-instruction" data-testid="current-step-instruction">
        {local(step.instruction)}
      </p>
      <ToolChips step={step} label={t('step.tools')} />
    </section>
  );
}
