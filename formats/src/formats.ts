import type { FormatDefinition } from './format-definition';
import { blankFormat } from './definitions/blank';
import { format0 } from './definitions/format-0';
import { format1 } from './definitions/format-1';
import { format2 } from './definitions/format-2';
import { format3 } from './definitions/format-3';

/** Every format a board can be created with, in the order a facilitator chooses from. */
export const formats: readonly FormatDefinition[] = [format0, format1, format2, format3, blankFormat];

/**
 * The current version of a format. A board keeps the `formatId` and `formatVersion` it was made
 * with; when a format gets version 2, its version 1 stays here under its own name.
 */
export function getFormat(id: string): FormatDefinition | undefined {
  return formats.find((format) => format.id === id);
}
