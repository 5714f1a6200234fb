import type { ReactNode } from 'react';
import { useStepStore } from '../control/step-store';
import { AgendaList } from './AgendaList';
import { CurrentStep } from './CurrentStep';
import { FormatButton } from './FormatButton';
import { LeadNotes } from './LeadNotes';
import { StepControls } from './StepControls';
import { useStepKeys } from './step-keys';

/**
 * The column beside the canvas on a board with a format: the current step on top, always in
 * view, with the facilitator's moves; below it, scrolling on its own, the agenda, the
 * facilitator's tools and the format's description.
 */
export function StepPanel({ children }: { children?: ReactNode }) {
  const format = useStepStore((state) => state.format);
  const canLead = useStepStore((state) => state.canLead);
  const hasSteps = (format?.steps.length ?? 0) > 0;
  useStepKeys(canLead && hasSteps);
  if (!hasSteps) return null;
  return (
    <aside className="step-panel" data-testid="step-panel">
      {/* What to do now stays in view; the rest scrolls below it. */}
      <div className="step-panel-now">
        <CurrentStep />
        <StepControls />
      </div>
      <div className="step-panel-more">
        <LeadNotes />
        <AgendaList />
        {children}
        <FormatButton />
      </div>
    </aside>
  );
}
