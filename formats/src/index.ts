export { localizedTextSchema } from './localized-text';
export type { LocalizedText } from './localized-text';
export { formatDefinitionSchema } from './format-definition';
export type { FormatDefinition } from './format-definition';
export { blankFormat } from './blank';
