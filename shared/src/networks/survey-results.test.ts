import { describe, expect, it } from 'vitest';
import type { SurveyAnswerValue, SurveyQuestion } from './survey-api';
import { checkSurveyAnswers } from './survey-answers';
import { tallySurvey, withHistory } from './survey-results';
import { SURVEY_KINDS } from './survey-api';
import { SURVEY_TEMPLATES, surveyTemplate } from './survey-templates';
import { surveyQuestionsSchema } from './survey-api';

const questions: SurveyQuestion[] = [
  { id: 'q-open-talk', type: 'scale', text: { pl: 'Mówię otwarcie.', en: 'I speak openly.' } },
  { id: 'q-help', type: 'open', text: { pl: 'Co pomoże?', en: 'What helps?' } },
];
const scale = (value: number): SurveyAnswerValue => ({ questionId: 'q-open-talk', type: 'scale', value });
const text = (value: string): SurveyAnswerValue => ({ questionId: 'q-help', type: 'open', text: value });

describe('a survey’s results', () => {
  it('counts each point of the scale and gives the mean to two decimals', () => {
    const [talk, help] = tallySurvey(questions, [
      [scale(4), text('Więcej czasu na rozmowę')],
      [scale(5), text('')],
      [scale(4)],
    ]);
    expect(talk).toMatchObject({ type: 'scale', distribution: [0, 0, 0, 2, 1], answers: 3, mean: 4.33 });
    expect(help).toMatchObject({ type: 'open', answers: ['Więcej czasu na rozmowę'] });
  });

  it('has no mean without answers', () => {
    const [talk] = tallySurvey(questions, []);
    expect(talk).toMatchObject({ distribution: [0, 0, 0, 0, 0], answers: 0, mean: null });
  });

  it('follows the same question across earlier surveys, oldest first, skipping those without answers', () => {
    const earlierA = tallySurvey(questions, [[scale(2)], [scale(3)]]);
    const earlierB = tallySurvey(questions, [[scale(1)]]);
    const empty = tallySurvey(questions, []);
    const [talk, help] = withHistory(tallySurvey(questions, [[scale(5)]]), [
      { surveyId: 'survey-bbb', at: '2026-03-01T10:00:00.000Z', results: earlierB },
      { surveyId: 'survey-aaa', at: '2026-01-01T10:00:00.000Z', results: earlierA },
      { surveyId: 'survey-ccc', at: '2026-02-01T10:00:00.000Z', results: empty },
    ]);
    expect(talk?.type === 'scale' && talk.history).toEqual([
      { surveyId: 'survey-aaa', at: '2026-01-01T10:00:00.000Z', mean: 2.5, answers: 2 },
      { surveyId: 'survey-bbb', at: '2026-03-01T10:00:00.000Z', mean: 1, answers: 1 },
    ]);
    expect(help?.type).toBe('open');
  });
});

describe('checking one person’s answers', () => {
  it('takes every scale answer and keeps them in the survey’s order, empty open answers left out', () => {
    expect(checkSurveyAnswers(questions, [text(''), scale(3)])).toEqual({ ok: true, answers: [scale(3)] });
  });

  it('refuses a missing scale answer, a question answered twice, an unknown question, a wrong type', () => {
    expect(checkSurveyAnswers(questions, [text('x')])).toMatchObject({ ok: false });
    expect(checkSurveyAnswers(questions, [scale(3), scale(4)])).toMatchObject({ ok: false });
    expect(
      checkSurveyAnswers(questions, [scale(3), { questionId: 'nope', type: 'scale', value: 1 }]),
    ).toMatchObject({ ok: false });
    expect(
      checkSurveyAnswers(questions, [{ questionId: 'q-open-talk', type: 'open', text: '5' }]),
    ).toMatchObject({ ok: false });
  });
});

describe('the templates', () => {
  it.each(SURVEY_KINDS)('%s has 5–8 valid questions in both languages, scales and open ones', (kind) => {
    const template = SURVEY_TEMPLATES[kind];
    expect(template.length).toBeGreaterThanOrEqual(5);
    expect(template.length).toBeLessThanOrEqual(8);
    expect(surveyQuestionsSchema.safeParse(template).success).toBe(true);
    expect(template.some((q) => q.type === 'scale') && template.some((q) => q.type === 'open')).toBe(true);
    expect(template.every((q) => q.text.en.length > 0)).toBe(true);
  });

  it('hands out a copy: editing a new survey leaves the template as it was', () => {
    const copy = surveyTemplate('trust');
    copy[0]!.text.pl = 'Zmienione';
    expect(SURVEY_TEMPLATES.trust[0]?.text.pl).not.toBe('Zmienione');
  });
});
