import { useT } from '../i18n/language-store';
import { CarryControls } from './CarryControls';
import { ConsoleAgenda, ConsoleCurrentStep } from './ConsoleAgenda';
import { useFacilitationStore } from './facilitation-store';
import { GroupViewControls } from './GroupViewControls';
import { HandsQueue } from './HandsQueue';
import { Icon } from '../ui/icons';
import { PeopleConsoleSection } from '../people/PeopleConsoleSection';
import { PlanReviewPanel } from '../plan/PlanReviewPanel';
import { PrivateWritingControls } from './PrivateWritingControls';
import { SheetControls } from './SheetControls';
import { TimerControls } from './TimerControls';
import { VotingControls } from './VotingControls';
import { useRights } from './use-rights';

/**
 * The facilitator's and the expert's console, beside the canvas: where the group is and how long
 * each step took, and every instrument within reach — timer, the group's view, carrying the previous sheet's notes, private
 * writing, dot voting, sheets and authors, raised hands, the people who joined. Raised hands come first
 * when someone waits.
 */
export function FacilitatorConsole() {
  const t = useT();
  const canLead = useRights().canLead;
  const open = useFacilitationStore((state) => state.consoleOpen);
  const close = () => useFacilitationStore.getState().setConsoleOpen(false);
  if (!canLead || !open) return null;
  return (
    <aside
      id="facilitator-console"
      className="facilitator-console"
      aria-labelledby="console-heading"
      data-testid="facilitator-console"
    >
      <header className="console-header">
        <h2 id="console-heading">{t('console.heading')}</h2>
        <button
          type="button"
          className="button-quiet console-close"
          onClick={close}
          aria-label={t('console.close')}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="console-body">
        <ConsoleCurrentStep />
        <PlanReviewPanel />
        <HandsQueue />
        <TimerControls />
        <GroupViewControls />
        <CarryControls />
        <PrivateWritingControls />
        <VotingControls />
        <SheetControls />
        <PeopleConsoleSection />
        <ConsoleAgenda />
      </div>
    </aside>
  );
}
