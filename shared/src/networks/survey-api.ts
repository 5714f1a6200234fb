import { z } from 'zod';
import { entityIdSchema } from './network-api';

/**
 * A network's surveys (issue #13 item 3; vademecum III.1; docs/api.md, "Networks: surveys"): the
 * expert's trust and expectations surveys before the first meeting and a short evaluation at the
 * end of every meeting. Questions are data in Polish and English, taken from a template and
 * editable by the pair while the survey is a draft. Rules SV1–SV5 in docs/permissions.md.
 */

export const SURVEY_KINDS = ['trust', 'expectations', 'evaluation'] as const;
export const surveyKindSchema = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof surveyKindSchema>;

/** `draft`: the pair edits it; `open`: it takes answers; `closed`: it takes none, its results stay. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const surveyStatusSchema = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof surveyStatusSchema>;

/** A scale question is answered 1 (not at all) to 5 (fully); an open one with free text. */
export const SURVEY_QUESTION_TYPES = ['scale', 'open'] as const;
export const surveyQuestionTypeSchema = z.enum(SURVEY_QUESTION_TYPES);
export type SurveyQuestionType = z.infer<typeof surveyQuestionTypeSchema>;

export const SURVEY_SCALE_MIN = 1;
export const SURVEY_SCALE_MAX = 5;
export const SURVEY_QUESTIONS_MAX = 20;
export const SURVEY_QUESTION_TEXT_MAX = 300;
export const SURVEY_OPEN_ANSWER_MAX = 2000;
/**
 * [SV6] An anonymous survey's results are shown from this many answers on: with fewer, a person
 * who knows who answered (the room saw two people fill it in) could read each one's answer.
 */
export const SURVEY_ANONYMOUS_RESULTS_MIN = 3;

export const SURVEY_ERROR_CODES = {
  /** [SV2] one answer per person and survey. */
  alreadyAnswered: 'already_answered',
  /** [SV2] answers are taken only while the survey is open. */
  notOpen: 'survey_not_open',
  /** [SV1] questions change only while the survey is a draft. */
  notDraft: 'survey_not_draft',
  /** [SV2] the person may not answer this survey (their role, or an observer city when not invited). */
  notARespondent: 'not_a_respondent',
  /** An answer that does not fit the survey's questions. */
  invalidAnswer: 'invalid_answer',
} as const;

const questionTextSchema = z.string().trim().max(SURVEY_QUESTION_TEXT_MAX);

/**
 * A question in both languages. Polish is required; English may be empty, and is then shown in
 * Polish. The id stays when the text is edited, so the same question is followed across surveys.
 */
export const surveyQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'not a question id'),
  type: surveyQuestionTypeSchema,
  text: z.object({
    pl: questionTextSchema.min(1, 'the Polish text is required'),
    en: questionTextSchema,
  }),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .min(1, 'a survey has at least one question')
  .max(SURVEY_QUESTIONS_MAX)
  .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, {
    message: 'question ids repeat',
  });

export const createSurveyRequestSchema = z.object({
  kind: surveyKindSchema,
  /** The meeting it belongs to (an evaluation's); null for the surveys before the first meeting. */
  meetingId: entityIdSchema.nullable().default(null),
  anonymous: z.boolean().default(true),
  observersMayAnswer: z.boolean().default(false),
});
export type CreateSurveyRequest = z.input<typeof createSurveyRequestSchema>;

/** What the pair changes while the survey is a draft ([SV1]). */
export const updateSurveyRequestSchema = z
  .object({
    questions: surveyQuestionsSchema,
    anonymous: z.boolean(),
    observersMayAnswer: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateSurveyRequest = z.input<typeof updateSurveyRequestSchema>;

export const surveyAnswerValueSchema = z.discriminatedUnion('type', [
  z.object({
    questionId: z.string(),
    type: z.literal('scale'),
    value: z.number().int().min(SURVEY_SCALE_MIN).max(SURVEY_SCALE_MAX),
  }),
  z.object({
    questionId: z.string(),
    type: z.literal('open'),
    text: z.string().trim().max(SURVEY_OPEN_ANSWER_MAX),
  }),
]);
export type SurveyAnswerValue = z.infer<typeof surveyAnswerValueSchema>;

/** One person's answers: every scale question once; open ones may be left out or empty. */
export const submitSurveyAnswersRequestSchema = z.object({
  answers: z.array(surveyAnswerValueSchema).max(SURVEY_QUESTIONS_MAX),
});
export type SubmitSurveyAnswersRequest = z.infer<typeof submitSurveyAnswersRequestSchema>;

export const surveySchema = z.object({
  id: entityIdSchema,
  networkId: entityIdSchema,
  kind: surveyKindSchema,
  meeting: z.object({ id: entityIdSchema, title: z.string(), startsAt: z.string() }).nullable(),
  status: surveyStatusSchema,
  anonymous: z.boolean(),
  observersMayAnswer: z.boolean(),
  questions: z.array(surveyQuestionSchema),
  createdAt: z.iso.datetime(),
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** How many have answered (never who, for an anonymous survey). */
  respondents: z.number().int().min(0),
});
export type Survey = z.infer<typeof surveySchema>;

/** What the caller may do with a survey: the client hides what the server would refuse. */
export const surveyViewerSchema = z.object({
  canManage: z.boolean(),
  canAnswer: z.boolean(),
  hasAnswered: z.boolean(),
  canSeeResults: z.boolean(),
});
export type SurveyViewer = z.infer<typeof surveyViewerSchema>;

export const surveyWithViewerSchema = z.object({ survey: surveySchema, viewer: surveyViewerSchema });
export type SurveyWithViewer = z.infer<typeof surveyWithViewerSchema>;

export const surveyListResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string() }),
  canManage: z.boolean(),
  surveys: z.array(surveyWithViewerSchema),
  /** The network's meetings an evaluation can belong to. */
  meetings: z.array(z.object({ id: entityIdSchema, title: z.string(), startsAt: z.string() })),
});
export type SurveyListResponse = z.infer<typeof surveyListResponseSchema>;

/** How a scale question was answered: counts for 1…5, and their mean (null with no answer). */
export const scaleResultSchema = z.object({
  questionId: z.string(),
  type: z.literal('scale'),
  text: surveyQuestionSchema.shape.text,
  /** `distribution[i]` answers gave `i + 1`. */
  distribution: z.array(z.number().int().min(0)).length(SURVEY_SCALE_MAX),
  answers: z.number().int().min(0),
  mean: z.number().nullable(),
  /** The same question's mean in the network's earlier surveys of the same kind, oldest first. */
  history: z.array(
    z.object({ surveyId: entityIdSchema, at: z.iso.datetime(), mean: z.number(), answers: z.number().int() }),
  ),
});
export type ScaleResult = z.infer<typeof scaleResultSchema>;

export const openResultSchema = z.object({
  questionId: z.string(),
  type: z.literal('open'),
  text: surveyQuestionSchema.shape.text,
  /** The non-empty answers, in no order that follows who answered when. */
  answers: z.array(z.string()),
});
export type OpenResult = z.infer<typeof openResultSchema>;

export const questionResultSchema = z.discriminatedUnion('type', [scaleResultSchema, openResultSchema]);
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const surveyResultsSchema = z.object({
  survey: surveySchema,
  /** Empty while the results are withheld. */
  questions: z.array(questionResultSchema),
  /**
   * [SV6] Set while an anonymous survey has fewer answers than `minimum`: nothing of what was
   * answered is sent, only how many have answered (`survey.respondents`).
   */
  withheld: z.object({ minimum: z.number().int().positive() }).nullable(),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** `GET /api/boards/:id/surveys/trust-results`: the board's network's latest trust survey. */
export const boardTrustResultsResponseSchema = z.object({
  results: surveyResultsSchema.nullable(),
});
export type BoardTrustResultsResponse = z.infer<typeof boardTrustResultsResponseSchema>;

/** `GET /api/me/surveys`: the open surveys the person may still answer, for their home. */
export const pendingSurveysResponseSchema = z.object({
  networkId: entityIdSchema,
  pending: z.array(surveySchema),
});
export type PendingSurveysResponse = z.infer<typeof pendingSurveysResponseSchema>;

export const surveyCreatedResponseSchema = z.object({ surveyId: entityIdSchema });
export type SurveyCreatedResponse = z.infer<typeof surveyCreatedResponseSchema>;
