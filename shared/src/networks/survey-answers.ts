import type { SurveyAnswerValue, SurveyQuestion } from './survey-api';

/**
 * Whether one person's answers fit the survey's questions: every scale question answered once
 * with the right type, open ones at most once (left out or empty is "no answer"), nothing that is
 * not a question. Pure: the server checks before it writes anything.
 */
export type AnswerCheck = { ok: true; answers: SurveyAnswerValue[] } | { ok: false; problem: string };

export function checkSurveyAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly SurveyAnswerValue[],
): AnswerCheck {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question)
      return { ok: false, problem: `There is no question "${answer.questionId}" in this survey.` };
    if (seen.has(answer.questionId)) {
      return { ok: false, problem: `Question "${answer.questionId}" is answered twice.` };
    }
    if (question.type !== answer.type) {
      return { ok: false, problem: `Question "${answer.questionId}" takes a ${question.type} answer.` };
    }
    seen.add(answer.questionId);
  }
  const missing = questions.find((question) => question.type === 'scale' && !seen.has(question.id));
  if (missing) return { ok: false, problem: `Question "${missing.id}" needs an answer from 1 to 5.` };
  // Stored in the survey's question order, empty open answers left out: nothing about how the
  // person's browser ordered or filled the form is kept.
  const kept = questions.flatMap((question) =>
    answers.filter(
      (answer) => answer.questionId === question.id && !(answer.type === 'open' && answer.text === ''),
    ),
  );
  return { ok: true, answers: kept };
}
