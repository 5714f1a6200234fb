export { localizedTextSchema } from './localized-text';
export type { LocalizedText } from './localized-text';
export { zonePartSchema, zoneKindSchema, zoneSchema, zoneCells } from './zone';
export type { Zone, ZoneKind, ZonePart, ZoneCell } from './zone';
export {
  stepSchema,
  toolSchema,
  summarySectionSchema,
  summaryFormSchema,
  summaryMappingSchema,
} from './step';
export type { Step, Tool, SummarySection, SummaryForm, SummaryMapping } from './step';
export { formatDefinitionSchema } from './format-definition';
export type { FormatDefinition } from './format-definition';
export { blankFormat } from './definitions/blank';
export { format0 } from './definitions/format-0';
export { format1 } from './definitions/format-1';
export { format2 } from './definitions/format-2';
export { format3 } from './definitions/format-3';
export { formats, formatVersions, getFormat } from './formats';
export {
  AGENDA_FORMAT_ID,
  AGENDA_FORMAT_VERSION,
  agendaFormat,
  boardFormatDefinition,
  pinAgenda,
} from './agenda/agenda-format';
export type { BoardFormatSource } from './agenda/agenda-format';
export { agendaNotes } from './agenda/agenda-notes';
export { ownItemKindOf } from './agenda/own-item-steps';
export type { AgendaNote } from './agenda/agenda-notes';

export { SHEET, NOTE_SIZE, contains, overlaps, inside } from './layout/geometry';
export type {
  Rect,
  Point,
  SheetLayout,
  SheetGeometry,
  ZoneGeometry,
  HeaderGeometry,
  CellGeometry,
  GroupGeometry,
  ArrowGeometry,
} from './layout/geometry';
export { layoutFormat, sheetRect } from './layout/sheet-layout';
export { zoneAt, sheetAt, centreOf, placeOf } from './layout/zone-membership';
export type { ZoneHit } from './layout/zone-membership';
export { tidyZone, noteCapacity } from './layout/tidy';
export type { TidyNote, TidyOptions, TidyResult } from './layout/tidy';
export { packIntoFreeSpace, nearestFreeSpot } from './layout/free-space';
export { planCluster } from './layout/cluster-layout';
export { cardFields } from './layout/card-fields';
export type { CardField } from './layout/card-fields';
export type { ClusterNote, ClusterPlan, ClusterOptions } from './layout/cluster-layout';
export type { PackItem, PackOptions, PackResult } from './layout/free-space';
export { occupiedRects } from './layout/occupied';
export { layoutRevealedNotes } from './layout/reveal-layout';
export {
  NOTE_AUTHOR_ROOM,
  NOTE_LABEL_PADDING,
  estimatedNoteGrowY,
  estimatedNoteLines,
  noteGrowY,
} from './layout/note-height';
export type { WrittenNote, RevealedPlace } from './layout/reveal-layout';
export { TEMPLATE_PAGE_ID, boardRecords, templateRecords, templateShapeId } from './layout/template-records';
export type { BoardRecordsOptions } from './layout/template-records';
export {
  CANVAS_LIMITS,
  checkCanvasEntry,
  isPersonalRecord,
  repairCanvasEntry,
} from './layout/canvas-record-check';
export type { CanvasEntryCheck, CanvasEntryRepair } from './layout/canvas-record-check';
export { templateSchema, serializedTemplateSchema, validateTemplateRecord } from './layout/tldraw-schema';
export type { SerializedTemplateSchema } from './layout/tldraw-schema';
export { boardContentFromRecords, richTextToPlain } from './summary/board-content';
export type { BoardContent, BoardNote, BoardCluster, ZoneRef } from './summary/board-content';
export { draftSummary } from './summary/draft-summary';
export type { DraftUnit } from './summary/draft-summary';
export { SECTION_ORDER, SECTION_TITLES } from './summary/section-titles';
export { carryTargetOf, nextStepId, previousStepId, planCarry, planWinnersCarry } from './carry/plan-carry';
export type { CarryItem, CarryTarget, CarryMove, CarryCopyPlan, CarryPlan } from './carry/plan-carry';
export { sheetSvg } from './print/sheet-svg';
export { refusedChanges, shapeCentre } from './rules/canvas-rules';
export type { RecordChange, CanvasRuleContext } from './rules/canvas-rules';
export {
  MAX_SHAPE_DEPTH,
  parentChainProblem,
  parentRepairs,
  parentShapeId,
  shapesOnBrokenChains,
} from './rules/parent-chains';
export type { ParentChainProblem, ParentLinks, ParentRepair } from './rules/parent-chains';
export { streamedRecords } from './stream/stream-projection';
export { streamedControl } from './stream/stream-control';
