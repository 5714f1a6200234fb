import type { SurveyAnswerValue, SurveyQuestion } from '@empiria/shared';

/** A person's answers being filled in: a point of the scale, or free text, per question id. */
export type AnswerDraft = Record<string, number | string>;

/** The draft as the API takes it: every scale question's point, the open ones' text; null while a scale question is unanswered. */
export function answersToSend(
  questions: readonly SurveyQuestion[],
  draft: AnswerDraft,
): SurveyAnswerValue[] | null {
  const answers: SurveyAnswerValue[] = [];
  for (const question of questions) {
    const value = draft[question.id];
    if (question.type === 'scale') {
      if (typeof value !== 'number') return null;
      answers.push({ questionId: question.id, type: 'scale', value });
    } else if (typeof value === 'string' && value.trim() !== '') {
      answers.push({ questionId: question.id, type: 'open', text: value.trim() });
    }
  }
  return answers;
}
