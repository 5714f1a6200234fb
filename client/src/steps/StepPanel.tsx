import type { ReactNode } from 'react';
import { nextStepIndex } from '../control/step-plan';
import { useStepStore } from '../control/step-store';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { ContinuityCard } from '../continuity/ContinuityCard';
import { TrustResultsPanel } from '../surveys/TrustResultsPanel';
import { ContinuityJump } from '../continuity/ContinuityJump';
import { AgendaList } from './AgendaList';
import { CurrentStep } from './CurrentStep';
import { FormatButton } from './FormatButton';
import { LeadNotes } from './LeadNotes';
import { useStepPanelStore } from './panel-store';
import { StepControls } from './StepControls';
import { useStepKeys } from './step-keys';
import './step-panel.css';

/**
 * The column beside the canvas on a board with a format: the current step on top, always in
 * view, with the facilitator's moves; below it, scrolling on its own, the agenda, the
 * facilitator's tools and the format's description. It folds to a rail (the step's number and
 * title) so a laptop's canvas shows the sheet readable; the camera refits to the room it gets.
 */
export function StepPanel({ children }: { children?: ReactNode }) {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const canLead = useStepStore((state) => state.canLead);
  const collapsed = useStepPanelStore((state) => state.collapsed);
  const setCollapsed = useStepPanelStore((state) => state.setCollapsed);
  const hasSteps = (format?.steps.length ?? 0) > 0;
  useStepKeys(canLead && hasSteps);
  if (!hasSteps) return null;
  if (collapsed) return <StepRail onExpand={() => setCollapsed(false)} />;
  return (
    <aside className="step-panel" data-testid="step-panel">
      <button
        type="button"
        className="step-panel-fold"
        onClick={() => setCollapsed(true)}
        aria-expanded="true"
        aria-controls="step-panel-content"
        title={t('step.panel.collapse')}
        aria-label={t('step.panel.collapse')}
        data-testid="step-panel-collapse"
      >
        <Chevron direction="left" />
      </button>
      {/* What to do now stays in view; the rest scrolls below it. */}
      <div className="step-panel-now" id="step-panel-content">
        <CurrentStep />
        <StepControls />
        <ContinuityJump />
      </div>
      <div className="step-panel-more">
        <LeadNotes />
        <ContinuityCard />
        <TrustResultsPanel />
        <AgendaList />
        {children}
        <FormatButton />
      </div>
    </aside>
  );
}

/** The folded panel: one button that unfolds it, with the step's number and title on it. */
function StepRail({ onExpand }: { onExpand: () => void }) {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const step = format && currentIndex !== null ? (format.steps[currentIndex] ?? null) : null;
  const title = step ? local(step.title) : t('step.notStarted.title');
  return (
    <aside className="step-panel step-rail" data-testid="step-rail" data-step-id={step?.id ?? ''}>
      <button
        type="button"
        className="step-rail-button"
        onClick={onExpand}
        aria-expanded="false"
        aria-label={t('step.panel.expand', { title })}
        title={t('step.panel.expand', { title })}
        data-testid="step-panel-expand"
      >
        <Chevron direction="right" />
        {currentIndex !== null && (
          <span className="step-number-badge" aria-hidden="true">
            {currentIndex + 1}
          </span>
        )}
        <span className="step-rail-title" aria-hidden="true">
          {title}
        </span>
      </button>
      <RailNext />
    </aside>
  );
}

/** The facilitator's next move stays one click away on the rail (and on Alt+→). */
function RailNext() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const next = useStepStore((state) => state.next);
  if (!format || !canLead) return null;
  const label = currentIndex === null ? t('step.start') : t('step.next');
  return (
    <button
      type="button"
      className="button-primary step-rail-next"
      onClick={next}
      disabled={nextStepIndex(format, currentIndex) === null}
      aria-label={label}
      title={`${label} (Alt+→)`}
      aria-keyshortcuts="Alt+ArrowRight"
      data-testid="step-next"
    >
      <span aria-hidden="true">→</span>
    </button>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg className="step-panel-chevron" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        d={direction === 'left' ? 'M15 18l-6-6 6-6' : 'M9 18l6-6-6-6'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
