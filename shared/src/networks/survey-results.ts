import {
  SURVEY_ANONYMOUS_RESULTS_MIN,
  SURVEY_SCALE_MAX,
  type QuestionResult,
  type ScaleResult,
  type SurveyAnswerValue,
  type SurveyQuestion,
} from './survey-api';

/**
 * A survey's results from its answer sets (issue #13 item 3): per scale question the number of
 * answers per point of the scale and their mean; per open question its non-empty answers. Pure:
 * the server computes, the client draws.
 */
export function tallySurvey(
  questions: readonly SurveyQuestion[],
  answerSets: readonly (readonly SurveyAnswerValue[])[],
): QuestionResult[] {
  return questions.map((question): QuestionResult => {
    const given = answerSets.flatMap((set) => set.filter((answer) => answer.questionId === question.id));
    if (question.type === 'open') {
      return {
        questionId: question.id,
        type: 'open',
        text: question.text,
        answers: given.flatMap((answer) =>
          answer.type === 'open' && answer.text !== '' ? [answer.text] : [],
        ),
      };
    }
    const distribution: number[] = Array.from({ length: SURVEY_SCALE_MAX }, () => 0);
    let sum = 0;
    let count = 0;
    for (const answer of given) {
      if (answer.type !== 'scale') continue;
      distribution[answer.value - 1] = (distribution[answer.value - 1] ?? 0) + 1;
      sum += answer.value;
      count += 1;
    }
    return {
      questionId: question.id,
      type: 'scale',
      text: question.text,
      distribution,
      answers: count,
      mean: count === 0 ? null : roundMean(sum / count),
      history: [],
    };
  });
}

/** Two decimals: a mean of 5 people's answers means nothing finer. */
export function roundMean(mean: number): number {
  return Math.round(mean * 100) / 100;
}

/** One earlier survey of the same kind, as the history of a question needs it. */
export interface EarlierSurvey {
  surveyId: string;
  /** When it opened: the point on the time axis. */
  at: string;
  results: readonly QuestionResult[];
}

/**
 * The same question across the network's surveys of one kind ("over time per network"): for each
 * scale question of `current`, the means of the earlier surveys that asked it (by question id) and
 * had answers, oldest first.
 */
export function withHistory(
  current: readonly QuestionResult[],
  earlier: readonly EarlierSurvey[],
): QuestionResult[] {
  const ordered = [...earlier].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return current.map((result) => {
    if (result.type !== 'scale') return result;
    const history: ScaleResult['history'] = ordered.flatMap((survey) => {
      const same = survey.results.find(
        (candidate): candidate is ScaleResult =>
          candidate.type === 'scale' && candidate.questionId === result.questionId,
      );
      return same && same.mean !== null
        ? [{ surveyId: survey.surveyId, at: survey.at, mean: same.mean, answers: same.answers }]
        : [];
    });
    return { ...result, history };
  });
}

/** [SV6] Whether a survey's answers may be tallied for anyone to read: a named one always, an anonymous one from the minimum on. */
export function surveyResultsShown(survey: { anonymous: boolean; respondents: number }): boolean {
  return !survey.anonymous || survey.respondents >= SURVEY_ANONYMOUS_RESULTS_MIN;
}
