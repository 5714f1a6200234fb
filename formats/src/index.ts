export { localizedTextSchema } from './localized-text';
export type { LocalizedText } from './localized-text';
export { slugSchema } from './ids';
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
export { formats, getFormat } from './formats';
