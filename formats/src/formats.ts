import type { FormatDefinition } from './format-definition';
import { blankFormat } from './definitions/blank';
import { format0 } from './definitions/format-0';
import { format1 } from './definitions/format-1';
import { format2 } from './definitions/format-2';
import { format3 } from './definitions/format-3';

/** Every format a board can be created with, in the order a facilitator chooses from. */
export const formats: readonly FormatDefinition[] = [format0, format1, format2, format3, blankFormat];

/**
 * Every version of every format that boards may have been made with. A board keeps the
 * `formatId` and `formatVersion` it was made with; when a format gets version 2, its version 1
 * stays listed here so that older boards still find their steps.
 */
const allVersions: readonly FormatDefinition[] = formats;

/** Every version of a format boards may have been made with, oldest first. */
export function formatVersions(id: string): FormatDefinition[] {
  return allVersions.filter((format) => format.id === id).sort((a, b) => a.version - b.version);
}

/** A format by id: the given version, or the current one (the highest) when none is given. */
export function getFormat(id: string, version?: number): FormatDefinition | undefined {
  const versions = allVersions.filter((format) => format.id === id);
  if (version !== undefined) return versions.find((format) => format.version === version);
  return versions.reduce<FormatDefinition | undefined>(
    (a, b) => (!a || b.version > a.version ? b : a),
    undefined,
  );
}
