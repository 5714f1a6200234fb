import { z } from 'zod';
import { meetingModeSchema } from '../summary/summary-document';
import { attendanceMarkSchema } from './attendance-matrix';
import { networkReportTallySchema } from './meeting-report';
import { searchQuerySchema } from './search-query';
import { entityIdSchema, localDateTimeSchema, networkInfoSchema } from './network-api';

/**
 * The archive, search and office overview API (docs/api.md, "Networks: archive, search, office").
 */

export const NOTES_EXPORT_FORMATS = ['md', 'docx', 'html'] as const;
export const notesExportFormatSchema = z.enum(NOTES_EXPORT_FORMATS);
export type NotesExportFormat = z.infer<typeof notesExportFormatSchema>;

/** An approved note as the archive shows it: when, under which rule, by whom. */
export const archivedNoteSchema = z.object({
  versionId: z.string(),
  approvedAt: z.iso.datetime(),
  rule: z.string(),
  approvedBy: z.array(z.object({ name: z.string(), city: z.string() })),
  /** Frozen versions of the note so far (drafts put to approval); null for representatives. */
  versions: z.number().int().nullable(),
  /** API paths of the approved version's exports (md, docx, and html to print as PDF). */
  exports: z.object({ md: z.string(), docx: z.string(), html: z.string() }),
});
export type ArchivedNote = z.infer<typeof archivedNoteSchema>;

export const archiveMeetingSchema = z.object({
  id: entityIdSchema,
  boardId: z.string(),
  title: z.string(),
  startsAt: localDateTimeSchema,
  mode: meetingModeSchema,
  hostCity: z.string().nullable(),
  venue: z.string(),
  held: z.boolean(),
  note: archivedNoteSchema.nullable(),
  photos: z.number().int(),
});
export type ArchiveMeeting = z.infer<typeof archiveMeetingSchema>;

export const attendanceRowSchema = z.object({
  cityId: z.string(),
  city: z.string(),
  /** An observer city: its marks shown, no rate ([N14]). */
  observer: z.boolean(),
  marks: z.array(attendanceMarkSchema),
  attended: z.number().int(),
  counted: z.number().int(),
  rate: z.number().min(0).max(1).nullable(),
});

/** GET /api/networks/:id/archive. Meetings newest first; the matrix's columns oldest first. */
export const archiveResponseSchema = z.object({
  network: networkInfoSchema,
  meetings: z.array(archiveMeetingSchema),
  attendance: z.object({
    meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: localDateTimeSchema })),
    cities: z.array(attendanceRowSchema),
  }),
});
export type ArchiveResponse = z.infer<typeof archiveResponseSchema>;

/** GET /api/search?q=…&network=… */
export const searchRequestSchema = z.object({
  q: searchQuerySchema,
  network: entityIdSchema.optional(),
});

export const SEARCH_SOURCES = ['note', 'board'] as const;
export const searchSourceSchema = z.enum(SEARCH_SOURCES);
export type SearchSource = z.infer<typeof searchSourceSchema>;

export const searchHitSchema = z.object({
  source: searchSourceSchema,
  networkId: z.string(),
  network: z.string(),
  meetingId: z.string(),
  meeting: z.string(),
  boardId: z.string(),
  startsAt: localDateTimeSchema,
  /** Where in the note (its section's heading) or on the board (step and zone titles). */
  where: z.object({ pl: z.string(), en: z.string() }),
  /** A sticky note or a cluster's name, on a board. */
  kind: z.enum(['section', 'note', 'cluster']),
  snippet: z.object({
    text: z.string(),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  }),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  words: z.array(z.string()),
  hits: z.array(searchHitSchema),
  /** More hits than shown: the query could be narrower. */
  more: z.boolean(),
  /** Boards whose changes are not indexed yet (this search's share of indexing was used up). */
  pending: z.number().int(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const officeOverviewRowSchema = z.object({
  networkId: z.string(),
  name: z.string(),
  theme: z.string(),
  members: z.number().int(),
  meetingsHeld: z.number().int(),
  meetingsPlanned: z.number().int(),
  notesApproved: z.number().int(),
  notesWaiting: z.number().int(),
  averageAttendance: z.number().min(0).max(1).nullable(),
  /** null: fewer than two meetings held, too few to miss two. */
  missingTwice: z.array(z.string()).nullable(),
  /** The facilitators' reports of the held meetings: submitted, due, overdue (meeting-report.ts). */
  reports: networkReportTallySchema,
});
export type OfficeOverviewRow = z.infer<typeof officeOverviewRowSchema>;

/** GET /api/office/overview (admin token). */
export const officeOverviewResponseSchema = z.object({ networks: z.array(officeOverviewRowSchema) });
export type OfficeOverviewResponse = z.infer<typeof officeOverviewResponseSchema>;
