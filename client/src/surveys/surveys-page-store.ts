import { create } from 'zustand';
import type {
  MessageKey,
  SurveyKind,
  SurveyListResponse,
  SurveyQuestion,
  SurveyQuestionType,
  SurveyResults,
  SurveyWithViewer,
} from '@empiria/shared';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';
import * as api from './survey-api';
import { answersToSend, type AnswerDraft } from './answer-draft';
import { surveyActErrorKey, surveyLoadErrorKey } from './survey-errors';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: MessageKey }
  | { kind: 'list'; list: SurveyListResponse }
  | { kind: 'survey'; survey: SurveyWithViewer; results: SurveyResults | null };

interface SurveysPageState {
  networkId: string | null;
  surveyId: string | null;
  access: NetworkPageToken | null;
  phase: Phase;
  busy: boolean;
  error: MessageKey | null;
  /** A short confirmation ("Zapisano.", "Dziękujemy…"). */
  notice: MessageKey | null;
  newSurvey: { kind: SurveyKind; meetingId: string };
  /** The draft's questions as the pair edits them, before "Zapisz pytania". */
  questions: SurveyQuestion[];
  /** The draft's settings as the pair sets them, saved with the questions. */
  settings: { anonymous: boolean; observersMayAnswer: boolean };
  answers: AnswerDraft;

  open(networkId: string, surveyId: string | null): Promise<void>;
  setNewSurvey(patch: Partial<{ kind: SurveyKind; meetingId: string }>): void;
  createSurvey(): Promise<void>;
  editQuestion(
    index: number,
    patch: Partial<Pick<SurveyQuestion, 'type'>> & { pl?: string; en?: string },
  ): void;
  addQuestion(type: SurveyQuestionType): void;
  removeQuestion(index: number): void;
  setSettings(patch: Partial<{ anonymous: boolean; observersMayAnswer: boolean }>): void;
  saveQuestions(): Promise<void>;
  setStatus(act: 'open' | 'close'): Promise<void>;
  setAnswer(questionId: string, value: number | string): void;
  submitAnswers(): Promise<void>;
}

export function surveysPath(networkId: string): string {
  return `/n/${encodeURIComponent(networkId)}/surveys`;
}

export function surveyPath(networkId: string, surveyId: string): string {
  return `${surveysPath(networkId)}/${encodeURIComponent(surveyId)}`;
}

/** A new question's id: unique in the survey, in the id alphabet the server accepts. */
function freshQuestionId(taken: readonly SurveyQuestion[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `own-${n}`;
    if (!taken.some((question) => question.id === id)) return id;
  }
}

/**
 * A network's surveys page (`/n/<id>/surveys`) and one survey (`/n/<id>/surveys/<sid>`): the
 * list and a new survey from a template for the pair, a draft's questions, opening and closing,
 * the answer form for the cities, and the results. The token is the network pages' own: a
 * personal link of this network, else the office's admin token.
 */
export const useSurveysPageStore = create<SurveysPageState>((set, get) => {
  const reload = async (): Promise<void> => {
    const { access, networkId, surveyId } = get();
    if (!access || !networkId) return;
    if (surveyId === null) {
      const list = await api.fetchSurveys(networkId, access.token);
      if (get().surveyId === null) set({ phase: { kind: 'list', list } });
      return;
    }
    const survey = await api.fetchSurvey(networkId, surveyId, access.token);
    const results = survey.viewer.canSeeResults
      ? await api.fetchResults(networkId, surveyId, access.token)
      : null;
    if (get().surveyId === surveyId) {
      const { anonymous, observersMayAnswer } = survey.survey;
      set({
        phase: { kind: 'survey', survey, results },
        questions: survey.survey.questions,
        settings: { anonymous, observersMayAnswer },
      });
    }
  };

  /** Runs an act; on success reloads the page, on refusal says why. */
  const act = async (work: (token: string, networkId: string) => Promise<void>): Promise<boolean> => {
    const { access, networkId, busy } = get();
    if (!access || !networkId || busy) return false;
    set({ busy: true, error: null, notice: null });
    try {
      await work(access.token, networkId);
      await reload();
      set({ busy: false });
      return true;
    } catch (error) {
      set({ busy: false, error: surveyActErrorKey(error) });
      return false;
    }
  };

  const surveyIdNow = () => get().surveyId ?? '';

  return {
    networkId: null,
    surveyId: null,
    access: null,
    phase: { kind: 'loading' },
    busy: false,
    error: null,
    notice: null,
    newSurvey: { kind: 'trust', meetingId: '' },
    questions: [],
    settings: { anonymous: true, observersMayAnswer: false },
    answers: {},

    open: async (networkId, surveyId) => {
      const access = networkPageToken(networkId);
      set({
        networkId,
        surveyId,
        access,
        phase: { kind: 'loading' },
        error: null,
        notice: null,
        answers: {},
      });
      if (!access) {
        set({ phase: { kind: 'failed', error: 'surveys.error.noToken' } });
        return;
      }
      try {
        await reload();
      } catch (error) {
        set({ phase: { kind: 'failed', error: surveyLoadErrorKey(error) } });
      }
    },

    setNewSurvey: (patch) => set((state) => ({ newSurvey: { ...state.newSurvey, ...patch } })),

    createSurvey: async () => {
      const { kind, meetingId } = get().newSurvey;
      let created: string | null = null;
      await act(async (token, networkId) => {
        created = await api.createSurvey(networkId, { kind, meetingId: meetingId || null }, token);
      });
      const { networkId } = get();
      // The new draft opens on its own page, where its questions are edited.
      if (created && networkId) window.location.assign(surveyPath(networkId, created));
    },

    editQuestion: (index, patch) =>
      set((state) => ({
        notice: null,
        questions: state.questions.map((question, i) =>
          i === index
            ? {
                ...question,
                type: patch.type ?? question.type,
                text: { pl: patch.pl ?? question.text.pl, en: patch.en ?? question.text.en },
              }
            : question,
        ),
      })),
    addQuestion: (type) =>
      set((state) => ({
        notice: null,
        questions: [
          ...state.questions,
          { id: freshQuestionId(state.questions), type, text: { pl: '', en: '' } },
        ],
      })),
    removeQuestion: (index) =>
      set((state) => ({ notice: null, questions: state.questions.filter((_, i) => i !== index) })),
    setSettings: (patch) => set((state) => ({ notice: null, settings: { ...state.settings, ...patch } })),
    saveQuestions: async () => {
      const { questions, settings } = get();
      const saved = await act(async (token, networkId) => {
        await api.updateSurvey(networkId, surveyIdNow(), { questions, ...settings }, token);
      });
      if (saved) set({ notice: 'surveys.edit.saved' });
    },

    setStatus: async (which) => {
      const { questions, settings } = get();
      await act(async (token, networkId) => {
        // Opening takes the draft as it is on screen: an unsaved edit is not lost.
        if (which === 'open') {
          await api.updateSurvey(networkId, surveyIdNow(), { questions, ...settings }, token);
        }
        await api.setSurveyStatus(networkId, surveyIdNow(), which, token);
      });
    },

    setAnswer: (questionId, value) =>
      set((state) => ({ error: null, answers: { ...state.answers, [questionId]: value } })),
    submitAnswers: async () => {
      const phase = get().phase;
      if (phase.kind !== 'survey') return;
      const answers = answersToSend(phase.survey.survey.questions, get().answers);
      if (!answers) {
        set({ error: 'surveys.answer.missing' });
        return;
      }
      const sent = await act(async (token, networkId) => {
        await api.submitAnswers(networkId, surveyIdNow(), { answers }, token);
      });
      // The page now says "Dziękujemy" from the survey's own `hasAnswered`.
      if (sent) set({ answers: {} });
    },
  };
});
