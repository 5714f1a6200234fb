import { describe, expect, it } from 'vitest';
import type { TLRecord, TLShape } from '@tldraw/tlschema';
import { formats } from '../formats';
import { blankFormat } from '../definitions/blank';
import { format1 } from '../definitions/format-1';
import { layoutFormat } from './sheet-layout';
import { templateMetaOf } from '@empiria/shared';
import { TEMPLATE_PAGE_ID, boardRecords, templateRecords, templateShapeId } from './template-records';
import { serializedTemplateSchema, validateTemplateRecord } from './tldraw-schema';

const cases = formats.flatMap((format) =>
  (['pl', 'en'] as const).map((language) => [format.id, language, format] as const),
);

function records(format = format1, language: 'pl' | 'en' = 'pl'): TLRecord[] {
  return boardRecords(layoutFormat(format), format.name, language);
}

const shapesOf = (all: TLRecord[]) => all.filter((r): r is TLShape => r.typeName === 'shape');

/** A shape's extent in its parent's coordinates. */
function extent(shape: TLShape): { w: number; h: number } {
  switch (shape.type) {
    case 'text':
      return { w: shape.props.w * shape.props.scale, h: 0 };
    case 'geo':
    case 'frame':
      return { w: shape.props.w, h: shape.props.h };
    case 'arrow':
      return { w: shape.props.end.x, h: shape.props.end.y };
    default:
      throw new Error(`unexpected template shape ${shape.type}`);
  }
}

describe('boardRecords', () => {
  it.each(cases)('%s (%s): every record validates against the tldraw schema', (_id, language, format) => {
    for (const record of records(format, language)) {
      expect(() => validateTemplateRecord(record), record.id).not.toThrow();
    }
  });

  it.each(cases)('%s (%s): starts with the document and the page, ids unique', (_id, language, format) => {
    const all = records(format, language);
    expect(all[0]).toMatchObject({ id: 'document:document', typeName: 'document' });
    expect(all[1]).toMatchObject({ id: TEMPLATE_PAGE_ID, typeName: 'page', name: format.name[language] });
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.slice(2).every((r) => r.typeName === 'shape')).toBe(true);
  });

  it('names the page as asked', () => {
    const all = boardRecords(layoutFormat(format1), format1.name, 'pl', { pageName: 'Tablica' });
    expect(all[1]).toMatchObject({ name: 'Tablica' });
  });

  it.each(cases)('%s (%s): is deterministic', (_id, language, format) => {
    expect(records(format, language)).toEqual(records(format, language));
  });

  it.each(cases)(
    '%s (%s): a locked frame per sheet; every part locked, in its frame, marked as template',
    (_id, language, format) => {
      const layout = layoutFormat(format);
      const shapes = shapesOf(records(format, language));
      const frames = shapes.filter((s) => s.parentId === TEMPLATE_PAGE_ID);
      expect(frames.map((f) => f.type)).toEqual(layout.sheets.map(() => 'frame'));
      expect(frames.map((f) => [f.x, f.y])).toEqual(layout.sheets.map((s) => [s.x, s.y]));
      const frameById = new Map(frames.map((f) => [f.id, f]));

      for (const shape of shapes) {
        expect(shape.isLocked, shape.id).toBe(true);
        const meta = templateMetaOf(shape);
        expect(meta, shape.id).toMatchObject({
          kind: 'template',
          formatId: format.id,
          formatVersion: format.version,
        });
        if (shape.parentId === TEMPLATE_PAGE_ID) continue;
        const frame = frameById.get(shape.parentId as TLShape['id']);
        expect(frame, `${shape.id} parent`).toBeDefined();
        expect(templateMetaOf(frame!)?.stepId).toBe(meta?.stepId);
        const { w, h } = extent(shape);
        if (frame?.type !== 'frame') throw new Error('parent is not a frame');
        expect(shape.x >= 0 && shape.y >= 0, shape.id).toBe(true);
        expect(
          shape.x + Math.max(w, 0) <= frame.props.w && shape.y + Math.max(h, 0) <= frame.props.h,
          shape.id,
        ).toBe(true);
      }
    },
  );

  it.each(cases)('%s (%s): siblings are stacked in a strict order', (_id, language, format) => {
    const byParent = new Map<string, string[]>();
    for (const shape of shapesOf(records(format, language))) {
      byParent.set(shape.parentId, [...(byParent.get(shape.parentId) ?? []), shape.index]);
    }
    for (const indices of byParent.values()) {
      expect(new Set(indices).size).toBe(indices.length);
      expect([...indices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(indices);
    }
  });

  it('lays the same shapes in both languages; only their words differ', () => {
    const strip = (all: TLRecord[]) =>
      shapesOf(all).map((s) => ({
        id: s.id,
        x: s.x,
        y: s.y,
        index: s.index,
        w: 'w' in s.props ? s.props.w : null,
      }));
    expect(strip(records(format1, 'en'))).toEqual(strip(records(format1, 'pl')));
    const title = (all: TLRecord[]) =>
      all.find((r) => r.id === templateShapeId('format-1', 'threats', null, 'title'));
    expect(JSON.stringify(title(records(format1, 'pl')))).toContain('Zagrożenia i rozwiązania');
    expect(JSON.stringify(title(records(format1, 'en')))).toContain('Threats and solutions');
  });

  it('draws a sheet as a frame with its number, title, instruction and zone parts (format 1, step 4)', () => {
    const sheet = shapesOf(records()).filter((s) => templateMetaOf(s)?.stepId === 'threats');
    expect(sheet.map((s) => `${s.type} ${s.id}`)).toMatchInlineSnapshot(`
      [
        "frame shape:tpl--format-1--threats--sheet",
        "geo shape:tpl--format-1--threats--badge",
        "text shape:tpl--format-1--threats--title",
        "text shape:tpl--format-1--threats--instruction",
        "geo shape:tpl--format-1--threats--threat-pairs--outline",
        "geo shape:tpl--format-1--threats--threat-pairs--c-1.threat",
        "geo shape:tpl--format-1--threats--threat-pairs--c-1.solution",
        "geo shape:tpl--format-1--threats--threat-pairs--c-2.threat",
        "geo shape:tpl--format-1--threats--threat-pairs--c-2.solution",
        "geo shape:tpl--format-1--threats--threat-pairs--c-3.threat",
        "geo shape:tpl--format-1--threats--threat-pairs--c-3.solution",
        "geo shape:tpl--format-1--threats--threat-pairs--c-4.threat",
        "geo shape:tpl--format-1--threats--threat-pairs--c-4.solution",
        "geo shape:tpl--format-1--threats--threat-pairs--c-5.threat",
        "geo shape:tpl--format-1--threats--threat-pairs--c-5.solution",
        "geo shape:tpl--format-1--threats--threat-pairs--h-threat",
        "geo shape:tpl--format-1--threats--threat-pairs--h-solution",
        "arrow shape:tpl--format-1--threats--threat-pairs--a-pair",
      ]
    `);
    const cell = sheet.find((s) => s.id.endsWith('c-2.solution'));
    expect(cell?.meta).toEqual({
      empiria: {
        kind: 'template',
        formatId: 'format-1',
        formatVersion: 1,
        stepId: 'threats',
        part: 'cell',
        zoneId: 'threat-pairs',
        partId: '2.solution',
      },
    });
  });

  it('gives the blank board only the document and its page', () => {
    expect(records(blankFormat).map((r) => r.typeName)).toEqual(['document', 'page']);
    expect(templateRecords(layoutFormat(blankFormat), 'pl')).toEqual([]);
  });

  it('refuses a record the client would refuse', () => {
    const [, , frame] = records();
    expect(() =>
      validateTemplateRecord({
        ...frame!,
        props: { ...(frame as TLShape).props, color: 'pink' },
      } as TLRecord),
    ).toThrow();
  });
});

describe('serializedTemplateSchema', () => {
  it('is a version 2 schema naming the record and shape sequences the client migrates by', () => {
    const schema = serializedTemplateSchema();
    expect(schema.schemaVersion).toBe(2);
    for (const sequence of [
      'com.tldraw.store',
      'com.tldraw.document',
      'com.tldraw.page',
      'com.tldraw.shape',
      'com.tldraw.shape.frame',
      'com.tldraw.shape.geo',
      'com.tldraw.shape.text',
      'com.tldraw.shape.arrow',
    ]) {
      expect(schema.sequences, sequence).toHaveProperty([sequence]);
    }
  });
});
