import { describe, expect, it } from 'vitest';
import type { BoardSurveysResponse, BoardSurveysState, SurveyWithViewer } from '@empiria/shared';
import { answersToSend } from './answer-draft';
import { askedSurvey, shownSurvey, surveysToAnswer, surveyToPrompt } from './board-survey-view';

function entry(id: string, canAnswer: boolean, hasAnswered = false): SurveyWithViewer {
  return {
    survey: {
      id,
      networkId: 'net-zielona',
      kind: 'evaluation',
      meeting: null,
      status: 'open',
      anonymous: true,
      observersMayAnswer: false,
      questions: [
        { id: 'useful', type: 'scale', text: { pl: 'Przydatne?', en: '' } },
        { id: 'better', type: 'open', text: { pl: 'Co poprawić?', en: '' } },
      ],
      createdAt: '2027-03-15T10:00:00.000Z',
      openedAt: '2027-03-15T10:00:00.000Z',
      closedAt: null,
      respondents: 0,
    },
    viewer: { canManage: false, canAnswer, hasAnswered, canSeeResults: false },
  };
}

const list: BoardSurveysResponse = {
  meeting: { id: 'meet-0001', title: 'Spotkanie 3' },
  canManage: false,
  answersAsPerson: true,
  surveys: [entry('svy-eval01', true), entry('svy-trust1', false, true)],
};
const asked = (surveyId: string, at = 100): BoardSurveysState => ({
  asked: { surveyId, kind: 'evaluation', at },
  shown: null,
});

describe('the board’s surveys panel', () => {
  it('lists what this person can still fill in', () => {
    expect(surveysToAnswer(list).map((e) => e.survey.id)).toEqual(['svy-eval01']);
    expect(surveysToAnswer(null)).toEqual([]);
  });

  it('prompts for the asked survey while it can be answered, until put off; asking again prompts again', () => {
    expect(surveyToPrompt(list, asked('svy-eval01'), null)?.survey.id).toBe('svy-eval01');
    expect(surveyToPrompt(list, asked('svy-eval01', 100), 100)).toBeNull();
    expect(surveyToPrompt(list, asked('svy-eval01', 200), 100)?.survey.id).toBe('svy-eval01');
    // Answered already, or not listed (yet): no prompt.
    expect(surveyToPrompt(list, asked('svy-trust1'), null)).toBeNull();
    expect(surveyToPrompt(list, asked('svy-other1'), null)).toBeNull();
    expect(surveyToPrompt(list, { asked: null, shown: null }, null)).toBeNull();
    expect(askedSurvey(list, asked('svy-trust1'))?.viewer.hasAnswered).toBe(true);
  });

  it('finds the survey whose results are shown', () => {
    const state: BoardSurveysState = { asked: null, shown: { surveyId: 'svy-trust1', kind: 'trust', at: 5 } };
    expect(shownSurvey(list, state)?.survey.id).toBe('svy-trust1');
    expect(shownSurvey(null, state)).toBeNull();
  });
});

describe('an answer draft as it is sent', () => {
  const questions = entry('svy-eval01', true).survey.questions;

  it('needs every scale question; an empty open answer is left out, text is trimmed', () => {
    expect(answersToSend(questions, { better: 'Więcej przerw' })).toBeNull();
    expect(answersToSend(questions, { useful: 4, better: '   ' })).toEqual([
      { questionId: 'useful', type: 'scale', value: 4 },
    ]);
    expect(answersToSend(questions, { useful: 5, better: ' Więcej przerw ' })).toEqual([
      { questionId: 'useful', type: 'scale', value: 5 },
      { questionId: 'better', type: 'open', text: 'Więcej przerw' },
    ]);
  });
});
