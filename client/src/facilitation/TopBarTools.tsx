import { usePresenceStore } from '../session/presence-store';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { raiseHandAct } from './acts';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { TimerChip } from './TimerChip';
import { useSession } from '../session/board-context';
import { useRights } from './use-rights';

/** The top bar's facilitation part: the timer for everyone, the console or a raised hand. */
export function TopBarTools() {
  return (
    <div className="topbar-tools">
      <TimerChip />
      <ConsoleToggle />
      <HandButton />
    </div>
  );
}

/** Opens and closes the facilitator console; shows how many hands wait. */
function ConsoleToggle() {
  const t = useT();
  const canLead = useRights().canLead;
  const open = useFacilitationStore((state) => state.consoleOpen);
  const toggle = useFacilitationStore((state) => state.toggleConsole);
  const hands = useStepStore((state) => state.control.hands.length);
  if (!canLead) return null;
  return (
    <button
      type="button"
      className={`button-secondary console-toggle${open ? ' is-open' : ''}`}
      aria-expanded={open}
      aria-controls="facilitator-console"
      // Named at every width: in a crowded top bar only the icon (and the hands' count) shows.
      aria-label={hands > 0 ? t('console.openHands', { count: hands }) : t('console.open')}
      title={t('console.heading')}
      onClick={() => {
        // The console and the people list share the right side: one at a time.
        if (!open && usePresenceStore.getState().panelOpen) usePresenceStore.getState().togglePanel();
        toggle();
      }}
      data-testid="console-toggle"
    >
      <Icon name="console" />
      <span className="console-toggle-label">{t('console.open')}</span>
      {hands > 0 && (
        <span className="console-toggle-hands" title={t('hands.heading')} aria-hidden="true">
          <Icon name="hand" size="0.95em" />
          {hands}
        </span>
      )}
    </button>
  );
}

/** "Raise hand" for participants (not the leads, not observers); pressed while raised. */
function HandButton() {
  const session = useSession();
  const t = useT();
  const rights = useRights();
  const busy = useFacilitationStore((state) => state.busy.hand ?? false);
  const raised = useStepStore((state) =>
    state.control.hands.some((hand) => hand.personId === rights.identity.id),
  );
  if (!rights.canWork || rights.canLead) return null;
  return (
    <button
      type="button"
      className={`button-secondary hand-button${raised ? ' is-raised' : ''}`}
      aria-pressed={raised}
      disabled={busy}
      onClick={() => void raiseHandAct(session, !raised)}
      data-testid="hand-button"
      // Named at every width: in a crowded top bar only the icon shows.
      aria-label={raised ? t('hand.lower') : t('hand.raise')}
      title={raised ? t('hand.raised') : t('hand.raise')}
    >
      <Icon name="hand" />
      <span className="hand-button-label">{raised ? t('hand.lower') : t('hand.raise')}</span>
    </button>
  );
}
