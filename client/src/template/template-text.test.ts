import { describe, expect, it } from 'vitest';
import { formats, layoutFormat, templateRecords } from '@empiria/formats';
import { templateMetaOf } from '@empiria/shared';
import type { TLShape } from 'tldraw';
import { localizedTemplateText, plainText, templateLabel } from './template-text';

/** The plain text a template record carries: a frame's name, a text or geo shape's label. */
function storedText(shape: TLShape): string {
  if (shape.type === 'frame') return shape.props.name;
  if (shape.type === 'text' || shape.type === 'geo') return plainText(shape.props.richText);
  return '';
}

describe('template text', () => {
  for (const format of formats.filter((f) => f.steps.length > 0)) {
    for (const language of ['pl', 'en'] as const) {
      it(`${format.id} in ${language}: the same text the server writes for every template shape`, () => {
        const layout = layoutFormat(format);
        for (const shape of templateRecords(layout, language)) {
          const meta = templateMetaOf(shape)!;
          const expected = storedText(shape);
          expect(templateLabel(layout, meta, language) ?? '', shape.id).toBe(expected);
        }
      });
    }
  }

  it('shows a board written in Polish in English, and the other way round', () => {
    const format = formats.find((f) => f.id === 'format-2')!;
    const layout = layoutFormat(format);
    const polish = templateRecords(layout, 'pl');
    const english = templateRecords(layout, 'en');
    const title = polish.find((s) => templateMetaOf(s)?.part === 'title')!;
    const titleEn = english.find((s) => s.id === title.id)!;
    expect(localizedTemplateText(layout, title, storedText(title), 'en')).toBe(storedText(titleEn));
    expect(localizedTemplateText(layout, titleEn, storedText(titleEn), 'pl')).toBe(storedText(title));
    // Already in the reader's language: nothing to change.
    expect(localizedTemplateText(layout, title, storedText(title), 'pl')).toBeNull();
  });

  it('keeps text the facilitators wrote over the template, and leaves other shapes alone', () => {
    const format = formats.find((f) => f.id === 'format-2')!;
    const layout = layoutFormat(format);
    const instruction = templateRecords(layout, 'pl').find((s) => templateMetaOf(s)?.part === 'instruction')!;
    expect(localizedTemplateText(layout, instruction, 'Nasza własna instrukcja', 'en')).toBeNull();
    expect(localizedTemplateText(layout, { meta: {} }, 'Karteczka', 'en')).toBeNull();
  });

  it('does not guess for another format version', () => {
    const format = formats.find((f) => f.id === 'format-2')!;
    const layout = layoutFormat(format);
    const title = templateRecords(layout, 'pl').find((s) => templateMetaOf(s)?.part === 'title')!;
    const meta = { ...templateMetaOf(title)!, formatVersion: 99 };
    expect(templateLabel(layout, meta, 'en')).toBeNull();
  });
});
