import { layoutFormat } from '@empiria/formats';
import type { FormatDefinition, SheetLayout } from '@empiria/formats';

const layouts = new WeakMap<FormatDefinition, SheetLayout>();

/**
 * The sheets of a format, where the server laid its template: the same pure function on both
 * sides, computed once per format definition.
 */
export function layoutOf(format: FormatDefinition): SheetLayout {
  let layout = layouts.get(format);
  if (!layout) {
    layout = layoutFormat(format);
    layouts.set(format, layout);
  }
  return layout;
}
