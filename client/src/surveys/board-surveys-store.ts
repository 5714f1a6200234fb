import { create } from 'zustand';
import type { BoardSurveysResponse, MessageKey, SurveyResults } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { answersToSend, type AnswerDraft } from './answer-draft';
import * as api from './board-surveys-api';
import { surveyActErrorKey } from './survey-errors';

interface BoardSurveysStoreState {
  boardId: string | null;
  token: string | null;
  /** The panel is open on this screen. */
  open: boolean;
  /** undefined: not read yet; null: this board has no surveys (no network's meeting, or refused). */
  list: BoardSurveysResponse | null | undefined;
  loadError: MessageKey | null;
  /** The survey whose form is open in the panel. */
  answering: string | null;
  answers: AnswerDraft;
  busy: boolean;
  error: MessageKey | null;
  /** A short confirmation after answering. */
  thanked: string | null;
  /** Results read for the board, by survey id (the one shown to the room, the pair's own look). */
  results: Record<string, SurveyResults>;
  /** The request ("asked" mark's time) this person put off with "Później". */
  putOffAt: number | null;

  start(boardId: string, token: string): void;
  stop(): void;
  load(): Promise<void>;
  loadResults(surveyId: string): Promise<void>;
  setOpen(open: boolean): void;
  startAnswering(surveyId: string | null): void;
  setAnswer(questionId: string, value: number | string): void;
  submit(): Promise<void>;
  putOff(at: number): void;
  ask(surveyId?: string): Promise<void>;
  stopAsking(): Promise<void>;
  show(surveyId: string): Promise<void>;
  hide(): Promise<void>;
}

const initial = {
  boardId: null,
  token: null,
  open: false,
  list: undefined,
  loadError: null,
  answering: null,
  answers: {},
  busy: false,
  error: null,
  thanked: null,
  results: {},
  putOffAt: null,
};

/** What a refusal of the pair's act on the board says. */
function leadActErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError && error.code === 'survey_not_open')
    return 'boardSurveys.error.closed';
  return surveyActErrorKey(error);
}

/**
 * The board's surveys (`/api/boards/:id/surveys`): the list this person sees, the answer being
 * filled in, the pair's acts, and results read for the board. What the whole room shares (which
 * survey is asked for, which results are shown) is the control document's, read through the step
 * store; this store holds only this screen's part.
 */
export const useBoardSurveysStore = create<BoardSurveysStoreState>((set, get) => {
  const current = () => {
    const { boardId, token } = get();
    return boardId && token ? { boardId, token } : null;
  };

  /** Runs one of the pair's acts; the answer is the fresh list. */
  const leadAct = async (work: (boardId: string, token: string) => Promise<BoardSurveysResponse>) => {
    const session = current();
    if (!session || get().busy) return;
    set({ busy: true, error: null });
    try {
      const list = await work(session.boardId, session.token);
      if (get().boardId === session.boardId) set({ list, busy: false });
    } catch (error) {
      set({ busy: false, error: leadActErrorKey(error) });
    }
  };

  return {
    ...initial,

    start: (boardId, token) => {
      if (get().boardId === boardId && get().token === token) return;
      set({ ...initial, boardId, token });
      void get().load();
    },
    stop: () => set(initial),

    load: async () => {
      const session = current();
      if (!session) return;
      try {
        const list = await api.fetchBoardSurveys(session.boardId, session.token);
        if (get().boardId === session.boardId) set({ list, loadError: null });
      } catch (error) {
        if (get().boardId !== session.boardId) return;
        // A board of no network, or a role the panel is not for: no panel at all.
        if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
          set({ list: null });
        } else if (get().list === undefined) {
          set({ loadError: 'boardSurveys.error.load' });
        }
      }
    },

    loadResults: async (surveyId) => {
      const session = current();
      if (!session) return;
      try {
        const results = await api.fetchBoardSurveyResults(session.boardId, surveyId, session.token);
        if (get().boardId === session.boardId) {
          set((state) => ({ results: { ...state.results, [surveyId]: results } }));
        }
      } catch {
        // Results not (yet) allowed, or the server away for a moment: the last ones read stay.
      }
    },

    setOpen: (open) => set({ open, ...(open ? {} : { answering: null, error: null }) }),

    startAnswering: (surveyId) => {
      set({ answering: surveyId, answers: {}, error: null, thanked: null });
      // The form shows the survey as it is now (still open, how many have answered).
      if (surveyId !== null) void get().load();
    },

    setAnswer: (questionId, value) =>
      set((state) => ({ error: null, answers: { ...state.answers, [questionId]: value } })),

    submit: async () => {
      const session = current();
      const { list, answering, busy } = get();
      const entry = list?.surveys.find((candidate) => candidate.survey.id === answering);
      if (!session || !entry || busy) return;
      const answers = answersToSend(entry.survey.questions, get().answers);
      if (!answers) {
        set({ error: 'surveys.answer.missing' });
        return;
      }
      set({ busy: true, error: null });
      try {
        await api.submitBoardAnswers(session.boardId, entry.survey.id, { answers }, session.token);
        set({ busy: false, answering: null, answers: {}, thanked: entry.survey.id });
      } catch (error) {
        const key =
          error instanceof ApiRequestError && error.code === 'not_from_home'
            ? 'boardSurveys.notFromHome'
            : surveyActErrorKey(error);
        set({ busy: false, error: key });
      }
      await get().load();
    },

    putOff: (at) => set({ putOffAt: at }),

    ask: (surveyId) => leadAct((boardId, token) => api.askBoardSurvey(boardId, surveyId, token)),
    stopAsking: () => leadAct((boardId, token) => api.stopAskingBoardSurvey(boardId, token)),
    show: (surveyId) => leadAct((boardId, token) => api.showBoardSurvey(boardId, surveyId, token)),
    hide: () => leadAct((boardId, token) => api.hideBoardSurvey(boardId, token)),
  };
});
