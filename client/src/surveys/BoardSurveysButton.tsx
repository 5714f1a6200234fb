import { usePresenceStore } from '../session/presence-store';
import { useFacilitationStore } from '../facilitation/facilitation-store';
import { useT } from '../i18n/language-store';
import { Icon } from '../ui/icons';
import { surveysToAnswer } from './board-survey-view';
import { useBoardSurveysStore } from './board-surveys-store';

/** "Ankiety" in the board's top bar, with how many this person can still fill in; on a network meeting's board only. */
export function BoardSurveysButton() {
  const t = useT();
  const list = useBoardSurveysStore((state) => state.list);
  const open = useBoardSurveysStore((state) => state.open);
  const setOpen = useBoardSurveysStore((state) => state.setOpen);
  if (!list) return null;
  const pending = surveysToAnswer(list).length;
  return (
    <button
      type="button"
      className={`button-secondary board-surveys-toggle${open ? ' is-open' : ''}`}
      aria-expanded={open}
      aria-controls="board-surveys-panel"
      onClick={() => {
        if (!open) openBesidesTheOthers();
        setOpen(!open);
      }}
      // In a crowded top bar and on a phone only the icon and the count show: the title names it too.
      title={t('boardSurveys.button')}
      data-testid="board-surveys-toggle"
    >
      <Icon name="survey" />
      <span className="board-surveys-toggle-label">{t('boardSurveys.button')}</span>
      {pending > 0 && (
        <span className="board-surveys-pending" title={t('boardSurveys.buttonPending', { count: pending })}>
          {pending}
        </span>
      )}
    </button>
  );
}

/** The surveys panel, the console and the people list share the right side: one at a time. */
export function openBesidesTheOthers(): void {
  if (usePresenceStore.getState().panelOpen) usePresenceStore.getState().togglePanel();
  if (useFacilitationStore.getState().consoleOpen) useFacilitationStore.getState().setConsoleOpen(false);
}
