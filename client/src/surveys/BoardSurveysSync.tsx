import { useEffect, useRef } from 'react';
import type { JoinResponse } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useFacilitationStore } from '../facilitation/facilitation-store';
import { useT } from '../i18n/language-store';
import { surveyToPrompt } from './board-survey-view';
import { openBesidesTheOthers } from './BoardSurveysButton';
import { BoardSurveysPanel } from './BoardSurveysPanel';
import { useBoardSurveysStore } from './board-surveys-store';
import './surveys.css';

/** While the room is asked to answer, the pair's count is read again this often. */
const COUNT_REFRESH_MS = 4_000;
/** While results are shown, they are read again this often: they appear once enough have answered. */
const RESULTS_REFRESH_MS = 4_000;
/** While the panel is open, the list (new surveys, closed ones) is read again this often. */
const LIST_REFRESH_MS = 15_000;

/**
 * Surveys on a meeting's board ([SV7]): reads the board's surveys, follows the control document's
 * `boardSurveys` (a request to answer, results shown), prompts this person when the pair asks
 * and opens the panel when the pair shows results. Observers and the room display have no panel.
 * Draws nothing itself: the prompt and the panel below do.
 */
export function BoardSurveysSync({ session }: { session: JoinResponse }) {
  const role = session.identity.role;
  const works = role !== 'observer' && role !== 'room';
  const marks = useStepStore((state) => state.control.boardSurveys);
  const synced = useStepStore((state) => state.synced);
  const list = useBoardSurveysStore((state) => state.list);
  const open = useBoardSurveysStore((state) => state.open);
  const store = useBoardSurveysStore.getState;
  const lastShownAt = useRef<number | null>(null);
  const canManage = list?.canManage ?? false;

  // The console and this panel share the right side: the console opening closes the panel.
  useEffect(
    () =>
      useFacilitationStore.subscribe((state, previous) => {
        if (state.consoleOpen && !previous.consoleOpen) useBoardSurveysStore.getState().setOpen(false);
      }),
    [],
  );

  useEffect(() => {
    if (!works) return;
    store().start(session.board.id, session.sessionToken);
    return () => store().stop();
  }, [works, session.board.id, session.sessionToken, store]);

  // The pair asked, stopped asking, showed or hid results: the list says what this person may do now.
  const askedAt = marks.asked?.at ?? null;
  const shownAt = marks.shown?.at ?? null;
  useEffect(() => {
    if (works && synced) void store().load();
  }, [works, synced, askedAt, shownAt, store]);

  // Results shown to the room open the panel on every screen, once per showing.
  const shownId = marks.shown?.surveyId ?? null;
  useEffect(() => {
    if (!works || shownId === null || shownAt === null) return;
    void store().loadResults(shownId);
    if (lastShownAt.current !== shownAt) {
      lastShownAt.current = shownAt;
      if (!canManage && !store().open) {
        openBesidesTheOthers();
        store().setOpen(true);
      }
    }
    const timer = window.setInterval(() => void store().loadResults(shownId), RESULTS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [works, shownId, shownAt, canManage, store]);

  const every = canManage && askedAt !== null ? COUNT_REFRESH_MS : open ? LIST_REFRESH_MS : null;
  useEffect(() => {
    if (!works || every === null) return;
    const timer = window.setInterval(() => void store().load(), every);
    return () => window.clearInterval(timer);
  }, [works, every, store]);

  return null;
}

/** The pair's request, in a strip under the top bar where a phone's list sees it too. */
export function BoardSurveyPrompt() {
  const t = useT();
  const marks = useStepStore((state) => state.control.boardSurveys);
  const list = useBoardSurveysStore((state) => state.list);
  const open = useBoardSurveysStore((state) => state.open);
  const putOffAt = useBoardSurveysStore((state) => state.putOffAt);
  const store = useBoardSurveysStore.getState;
  const prompt = open || !list ? null : surveyToPrompt(list, marks, putOffAt);
  if (!prompt) return null;
  return (
    <div className="board-survey-prompt" role="status" data-testid="board-survey-prompt">
      <span>{t('boardSurveys.prompt', { survey: t(`surveys.kind.${prompt.survey.kind}`) })}</span>
      <span className="board-survey-prompt-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            openBesidesTheOthers();
            store().setOpen(true);
            store().startAnswering(prompt.survey.id);
          }}
          data-testid="board-survey-prompt-open"
        >
          {t('boardSurveys.promptOpen')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => store().putOff(marks.asked?.at ?? 0)}
        >
          {t('boardSurveys.promptLater')}
        </button>
      </span>
    </div>
  );
}

/** The panel, on the board's right side (a phone: over the whole screen) while open. */
export function BoardSurveysSide() {
  const open = useBoardSurveysStore((state) => state.open);
  const list = useBoardSurveysStore((state) => state.list);
  return open && list ? <BoardSurveysPanel /> : null;
}
