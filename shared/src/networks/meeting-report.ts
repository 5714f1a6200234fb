import { z } from 'zod';
import { addLocalMinutes } from './agenda';
import type { NetworkActor } from './network-permissions';

/**
 * The facilitator's report after a meeting (vademecum: "on a predefined electronic form"; issue #13
 * item 2; rules FR1–FR4 in docs/permissions.md). The server prefills it from the meeting and its
 * board, the pair edits it as a draft and submits it once to the office, which may return it for
 * corrections. Pure: schemas, the form's rules and the deadline; the server reads and stores.
 */

const text = (max: number) => z.string().max(max);
/** A free-text part of the form: a few paragraphs, not a book. */
const formText = text(4000);

/** Whether and where someone attended, as the attendance list concludes (attendance-list.ts). */
export const reportAttendeeSchema = z.object({
  name: text(120),
  city: text(120).nullable(),
  /** A network role or a board role; null when nobody knows it. */
  role: text(40).nullable(),
  where: z.enum(['room', 'online', 'present']),
});
export type ReportAttendee = z.infer<typeof reportAttendeeSchema>;

/** One item of the meeting's agenda: its planned minutes and, from the board's step log, the actual ones. */
export const reportAgendaItemSchema = z.object({
  /** The board's step id of the item (unique on the board: `agendaFormat`). */
  stepId: z.string().min(1).max(80),
  title: z.object({ pl: text(200), en: text(200) }),
  plannedMinutes: z.number().int().min(0).max(1440),
  /** null: not measured (never reached, or the last step, whose end the board does not know). */
  actualMinutes: z.number().int().min(0).max(1440).nullable(),
  /** What the pair says about the item: why it ran longer, what was cut. */
  comment: text(500),
});
export type ReportAgendaItem = z.infer<typeof reportAgendaItemSchema>;

/** A photo of a paper sheet taken on the board: the report attaches it by id (photo-store.ts). */
export const reportPhotoSchema = z.object({
  id: z.string().min(1).max(64),
  stepId: z.string().max(80).nullable(),
  author: text(120),
  takenAt: z.string().max(40),
});
export type ReportPhoto = z.infer<typeof reportPhotoSchema>;

/** The predefined form: what was planned and what happened, attendance, times, results, difficulties, next steps, photos. */
export const meetingReportContentSchema = z.object({
  planned: formText,
  happened: formText,
  attendance: z.array(reportAttendeeSchema).max(200),
  agenda: z.array(reportAgendaItemSchema).max(100),
  results: formText,
  difficulties: formText,
  nextSteps: formText,
  photos: z.array(reportPhotoSchema).max(200),
});
export type MeetingReportContent = z.infer<typeof meetingReportContentSchema>;

/** `new`: nothing saved yet, the form is the prefill; `draft`: saved (or returned); `submitted`: with the office. */
export const REPORT_STATUSES = ['new', 'draft', 'submitted'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/**
 * How a meeting's report stands against its deadline: `not-held` before the meeting starts, `due`
 * once it has started and no report is submitted, `overdue` past `REPORT_DUE_DAYS`, `submitted`.
 */
export const REPORT_DEADLINE_STATES = ['not-held', 'due', 'overdue', 'submitted'] as const;
export const reportDeadlineStateSchema = z.enum(REPORT_DEADLINE_STATES);
export type ReportDeadlineState = z.infer<typeof reportDeadlineStateSchema>;

/**
 * Days after the meeting within which the office expects the report. The vademecum says only
 * "after every meeting"; two weeks is the office's practice of settling a meeting within its
 * monthly cycle, and leaves the pair time to wait for the group to approve the note first.
 */
export const REPORT_DUE_DAYS = 14;

/** The day (Warsaw wall clock, `YYYY-MM-DDTHH:mm`) after which a meeting's report is overdue. */
export function reportDueBy(meetingStartsAt: string): string {
  return addLocalMinutes(meetingStartsAt, REPORT_DUE_DAYS * 24 * 60);
}

/** Where a meeting's report stands; `nowLocal` is the Warsaw wall clock, as meetings' times are. */
export function reportDeadlineState(
  meetingStartsAt: string,
  submitted: boolean,
  nowLocal: string,
): ReportDeadlineState {
  if (submitted) return 'submitted';
  if (meetingStartsAt > nowLocal) return 'not-held';
  return nowLocal > reportDueBy(meetingStartsAt) ? 'overdue' : 'due';
}

/**
 * Actual minutes per step from the board's step log (every move of the group, oldest first): a
 * stint lasts until the next move; a step the group came back to adds its stints. The last stint
 * has no known end, so a step whose only stint is the last one is not measured (null), nor is a
 * step never reached. Rounded to whole minutes, as the agenda plans them.
 */
export function actualMinutesByStep(
  stepLog: readonly { stepId: string; startedAt: number }[],
): Map<string, number> {
  const ms = new Map<string, number>();
  for (let index = 0; index + 1 < stepLog.length; index++) {
    const stint = stepLog[index] as { stepId: string; startedAt: number };
    const next = stepLog[index + 1] as { startedAt: number };
    const length = Math.max(0, next.startedAt - stint.startedAt);
    ms.set(stint.stepId, (ms.get(stint.stepId) ?? 0) + length);
  }
  return new Map([...ms].map(([stepId, length]) => [stepId, Math.round(length / 60_000)]));
}

/** What a report is prefilled from: the server gathers it (meeting-report-prefill.ts), this shapes it. */
export interface ReportPrefillInput {
  agenda: { stepId: string; title: { pl: string; en: string }; plannedMinutes: number }[];
  stepLog: readonly { stepId: string; startedAt: number }[];
  attendance: ReportAttendee[];
  /** The approved note's decisions and conclusions, as lines; null when no note is approved. */
  results: string[] | null;
  /** The approved note's next steps, as lines; null when no note is approved. */
  nextSteps: string[] | null;
  photos: ReportPhoto[];
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

/**
 * The form as first opened: the agenda as planned (with the board's actual times), who attended,
 * the approved note's results and next steps, the board's photos. What happened and the
 * difficulties are the pair's to write; "what was planned" lists the agenda in its order.
 */
export function prefillReport(input: ReportPrefillInput): MeetingReportContent {
  const actual = actualMinutesByStep(input.stepLog);
  return {
    planned: bullets(input.agenda.map((item) => `${item.title.pl} (${item.plannedMinutes} min)`)),
    happened: '',
    attendance: input.attendance,
    agenda: input.agenda.map((item) => ({
      stepId: item.stepId,
      title: item.title,
      plannedMinutes: item.plannedMinutes,
      actualMinutes: actual.get(item.stepId) ?? null,
      comment: '',
    })),
    results: input.results ? bullets(input.results) : '',
    difficulties: '',
    nextSteps: input.nextSteps ? bullets(input.nextSteps) : '',
    photos: input.photos,
  };
}

/**
 * Planned minutes in total; actual minutes over the items measured, with how many those are and
 * what was planned for them — a total over two of three items is compared with their plan, not
 * the whole meeting's.
 */
export function agendaTotals(agenda: readonly ReportAgendaItem[]): {
  planned: number;
  actual: number | null;
  measured: number;
  plannedMeasured: number;
} {
  const sum = (items: readonly ReportAgendaItem[], minutes: (item: ReportAgendaItem) => number) =>
    items.reduce((total, item) => total + minutes(item), 0);
  const measured = agenda.filter((item) => item.actualMinutes !== null);
  return {
    planned: sum(agenda, (item) => item.plannedMinutes),
    actual: measured.length === 0 ? null : sum(measured, (item) => item.actualMinutes ?? 0),
    measured: measured.length,
    plannedMeasured: sum(measured, (item) => item.plannedMinutes),
  };
}

export const REPORT_ACTS = [
  /** Read the report, download its Word file. */
  'report.read',
  /** Save the draft, submit it. */
  'report.write',
  /** Return a submitted report for corrections. */
  'report.return',
] as const;
export type ReportAct = (typeof REPORT_ACTS)[number];

/**
 * [FR1] the pair (facilitator and experts) of the meeting's network writes its report and submits
 * it; [FR2] the office reads every report and returns a submitted one for corrections, but writes
 * none; [FR3] the organiser reads; [FR4] representatives, substitutes and anyone of another
 * network get 403.
 */
export function mayReport(actor: NetworkActor, act: ReportAct, networkId: string): boolean {
  if (actor.kind === 'office') return act === 'report.read' || act === 'report.return';
  if (actor.networkId !== networkId) return false;
  const pair = actor.role === 'facilitator' || actor.role === 'expert';
  switch (act) {
    case 'report.read':
      return pair || actor.role === 'organiser';
    case 'report.write':
      return pair;
    case 'report.return':
      return false;
  }
}

/** PUT /api/meetings/:id/report: the whole form, over the revision it was edited from. */
export const saveReportRequestSchema = z.object({
  revision: z.number().int().min(0),
  content: meetingReportContentSchema,
});
export type SaveReportRequest = z.input<typeof saveReportRequestSchema>;

/** POST …/report/submit: the form as submitted (saved and submitted in one step), over its revision. */
export const submitReportRequestSchema = saveReportRequestSchema;
export type SubmitReportRequest = SaveReportRequest;

/** POST …/report/return: the office's reason, which the pair reads on the form. */
export const returnReportRequestSchema = z.object({
  reason: z.string().trim().min(1, 'say what to correct').max(1000),
});
export type ReturnReportRequest = z.input<typeof returnReportRequestSchema>;

export const meetingReportResponseSchema = z.object({
  meeting: z.object({
    id: z.string(),
    networkId: z.string(),
    network: z.string(),
    title: z.string(),
    /** Warsaw wall clock, `YYYY-MM-DDTHH:mm`. */
    startsAt: z.string(),
  }),
  status: reportStatusSchema,
  /** 0 while nothing is saved; raised by every save, submission and return. */
  revision: z.number().int().min(0),
  content: meetingReportContentSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** The office's latest return for corrections, while the report is a draft again. */
  returned: z.object({ at: z.string(), reason: z.string() }).nullable(),
  deadline: z.object({ dueBy: z.string(), state: reportDeadlineStateSchema }),
  /** Whether the meeting's note is approved: results and next steps come from it only then. */
  noteApproved: z.boolean(),
  viewer: z.object({ mayWrite: z.boolean(), mayReturn: z.boolean() }),
});
export type MeetingReportResponse = z.infer<typeof meetingReportResponseSchema>;

/** The reports of a network's held meetings, for the office overview: submitted, due, overdue. */
export const reportMeetingRefSchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  startsAt: z.string(),
});
export const networkReportTallySchema = z.object({
  submitted: z.number().int().min(0),
  due: z.array(reportMeetingRefSchema),
  overdue: z.array(reportMeetingRefSchema),
});
export type NetworkReportTally = z.infer<typeof networkReportTallySchema>;

/** The tally of a network's meetings' reports: meetings not held yet count nowhere. */
export function reportTally(
  meetings: readonly { id: string; title: string; startsAt: string; submitted: boolean }[],
  nowLocal: string,
): NetworkReportTally {
  const tally: NetworkReportTally = { submitted: 0, due: [], overdue: [] };
  for (const meeting of meetings) {
    const state = reportDeadlineState(meeting.startsAt, meeting.submitted, nowLocal);
    const ref = { meetingId: meeting.id, title: meeting.title, startsAt: meeting.startsAt };
    if (state === 'submitted') tally.submitted++;
    else if (state === 'due') tally.due.push(ref);
    else if (state === 'overdue') tally.overdue.push(ref);
  }
  return tally;
}

/** Codes of the report's refusals. */
export const REPORT_ERROR_CODES = {
  /** The draft was saved by someone else since it was read: reload and edit again. */
  staleRevision: 'stale_revision',
  /** The report is with the office: submitted once, changed only after a return. */
  alreadySubmitted: 'already_submitted',
  /** Only a submitted report can be returned for corrections. */
  notSubmitted: 'not_submitted',
  /** A report is of a meeting that has started. */
  meetingNotHeld: 'meeting_not_held',
} as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[keyof typeof REPORT_ERROR_CODES];
