import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { turnRoomPageAct } from './acts';
import { useSession } from '../session/board-context';
import { useRights } from './use-rights';

/**
 * The room display's page, turned by the pair from where they are (the console, or the meeting
 * notes while they read them out): the display shows a page at a time only what does not fit it.
 */
export function RoomPageControls() {
  const session = useSession();
  const t = useT();
  const canLead = useRights().canLead;
  const stepId = useStepStore((state) =>
    state.format && state.currentIndex !== null ? (state.format.steps[state.currentIndex]?.id ?? null) : null,
  );
  const roomPage = useStepStore((state) => state.control.roomPage);
  if (!canLead || !stepId) return null;
  const page = roomPage && roomPage.stepId === stepId ? roomPage.page : 0;
  return (
    <div className="console-row room-page-controls" role="group" aria-label={t('group.roomPage')}>
      <span className="console-label" title={t('group.roomPageHint')} data-testid="room-page-asked">
        {t('group.roomPageNow', { page: page + 1 })}
      </span>
      <button
        type="button"
        className="button-secondary"
        onClick={() => turnRoomPageAct(session, -1)}
        disabled={page === 0}
        aria-label={t('group.roomPagePrevious')}
        title={t('group.roomPagePrevious')}
        data-testid="room-page-previous"
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        className="button-secondary"
        onClick={() => turnRoomPageAct(session, 1)}
        aria-label={t('group.roomPageNext')}
        title={t('group.roomPageNext')}
        data-testid="room-page-next"
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
