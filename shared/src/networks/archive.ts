/** The archive, attendance, search and office overview: their exports for the package index. */
export {
  NOTES_EXPORT_FORMATS,
  notesExportFormatSchema,
  archivedNoteSchema,
  archiveMeetingSchema,
  attendanceRowSchema,
  archiveResponseSchema,
  searchRequestSchema,
  SEARCH_SOURCES,
  searchSourceSchema,
  searchHitSchema,
  searchResponseSchema,
  officeOverviewRowSchema,
  officeOverviewResponseSchema,
} from './archive-api';
export type {
  NotesExportFormat,
  ArchivedNote,
  ArchiveMeeting,
  ArchiveResponse,
  SearchSource,
  SearchHit,
  SearchResponse,
  OfficeOverviewRow,
  OfficeOverviewResponse,
} from './archive-api';
export { archiveViewOf, searchScopeOf, mayViewOfficeOverview } from './archive-permissions';
export type { ArchiveView } from './archive-permissions';
export {
  ATTENDANCE_MARKS,
  attendanceMarkSchema,
  attendanceMark,
  attendanceMatrix,
  citiesMissingTwice,
  averageRate,
} from './attendance-matrix';
export type {
  AttendanceMark,
  Presence,
  AttendanceMeetingInput,
  AttendanceCityInput,
  AttendanceRow,
} from './attendance-matrix';
export { overviewRow } from './office-overview';
export type { OverviewInput } from './office-overview';
export {
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  MAX_WORD_LENGTH,
  searchQuerySchema,
  searchWords,
  ftsMatchExpression,
} from './search-query';
export { searchSnippet } from './search-snippet';
export type { SearchSnippet } from './search-snippet';
export { foldText, foldWithOffsets } from './text-folding';
