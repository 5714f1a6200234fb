import type { SheetLayout } from '@empiria/formats';
import { templateMetaOf, type Language, type TemplateMeta } from '@empiria/shared';

/**
 * The text a template shape shows in a language, from the format's layout: what the server would
 * have written had the board been created in that language. Null for parts without text (zone
 * outlines, cells, arrows) and for anything the layout does not know.
 */
export function templateLabel(layout: SheetLayout, meta: TemplateMeta, language: Language): string | null {
  if (meta.formatId !== layout.formatId || meta.formatVersion !== layout.formatVersion) return null;
  const sheet = layout.sheets.find((s) => s.stepId === meta.stepId);
  if (!sheet) return null;
  const zone = meta.zoneId === undefined ? undefined : sheet.zones.find((z) => z.zoneId === meta.zoneId);
  switch (meta.part) {
    case 'sheet':
      return `${sheet.number}. ${sheet.title[language]}`;
    case 'badge':
      return String(sheet.number);
    case 'title':
      return sheet.title[language];
    case 'instruction':
      return sheet.instruction[language];
    case 'zone-label':
      return zone?.label[language] ?? null;
    case 'zone-hint':
      return zone?.hint?.[language] ?? null;
    case 'header':
      return zone?.headers.find((h) => h.headerId === meta.partId)?.label[language] ?? null;
    default:
      return null;
  }
}

/**
 * What a template shape should show to someone reading `language`: the format's text in that
 * language when the shape still holds the format's own text (in either language), null when it
 * has no text, is not a template shape, or was edited by the facilitators (their words stay).
 */
export function localizedTemplateText(
  layout: SheetLayout,
  shape: { meta: unknown },
  stored: string,
  language: Language,
): string | null {
  const meta = templateMetaOf(shape);
  if (!meta) return null;
  const mine = templateLabel(layout, meta, language);
  if (mine === null || mine === stored) return null;
  const original = (['pl', 'en'] as const).some((l) => templateLabel(layout, meta, l) === stored);
  return original ? mine : null;
}

/** The plain text of a tldraw rich text document: its paragraphs' text, one per line. */
export function plainText(richText: unknown): string {
  const doc = richText as { content?: Array<{ content?: Array<{ text?: string }> }> } | null;
  return (doc?.content ?? []).map((p) => (p.content ?? []).map((n) => n.text ?? '').join('')).join('\n');
}
