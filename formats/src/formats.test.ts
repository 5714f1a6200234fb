import { describe, expect, it } from 'vitest';
import { formatDefinitionSchema, type FormatDefinition } from './format-definition';
import { formats, formatVersions, getFormat } from './formats';
import { format0 } from './definitions/format-0';
import { zoneCells } from './zone';

/** Every `{ pl, en }` object anywhere in a value, with its path. */
function texts(value: unknown, path = ''): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if ('pl' in record || 'en' in record) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => texts(item, `${path}.${key}`));
}

const eachFormat = formats.map((format) => [format.id, format] as const);

describe('format definitions', () => {
  it('are formats 0–3 and the blank board, each at a version', () => {
    expect(formats.map((f) => f.id)).toEqual(['format-0', 'format-1', 'format-2', 'format-3', 'blank']);
    for (const format of formats) expect(format.version).toBeGreaterThanOrEqual(1);
    expect(getFormat('format-2')?.id).toBe('format-2');
    expect(getFormat('format-9')).toBeUndefined();
    expect(getFormat('format-2', 1)?.version).toBe(1);
    expect(getFormat('format-2', 99)).toBeUndefined();
    expect(formatVersions('format-2').map((f) => f.version)).toEqual([1]);
    expect(formatVersions('format-9')).toEqual([]);
  });

  it.each(eachFormat)('%s validates against the schema', (_id, format) => {
    expect(formatDefinitionSchema.parse(format)).toEqual(format);
  });

  it.each(eachFormat)('%s has every text in Polish and English, none empty', (_id, format) => {
    const found = texts(format);
    expect(found.length).toBeGreaterThan(3);
    for (const { path, text } of found) {
      expect(Object.keys(text).sort(), path).toEqual(['en', 'pl']);
      expect(typeof text.pl === 'string' && text.pl.trim().length > 0, `${path}.pl`).toBe(true);
      expect(typeof text.en === 'string' && text.en.trim().length > 0, `${path}.en`).toBe(true);
    }
  });

  it.each(eachFormat)('%s has unique step ids and unique zone ids per step', (_id, format) => {
    const stepIds = format.steps.map((s) => s.id);
    expect(new Set(stepIds).size).toBe(stepIds.length);
    for (const step of format.steps) {
      const zoneIds = step.zones.map((z) => z.id);
      expect(new Set(zoneIds).size, step.id).toBe(zoneIds.length);
    }
  });

  it.each(eachFormat)('%s names only existing zones and cells in its summary mappings', (_id, format) => {
    for (const step of format.steps) {
      for (const mapping of step.summary) {
        const zones = mapping.zones.map((id) => step.zones.find((z) => z.id === id));
        expect(zones.every(Boolean), `${step.id}: ${mapping.zones.join(', ')}`).toBe(true);
        const cells = zones.flatMap((z) => (z ? zoneCells(z).map((c) => c.cellId) : []));
        for (const cell of mapping.cells ?? []) expect(cells, step.id).toContain(cell);
      }
    }
  });

  it('gives formats 0–3 a result in the summary from every step but the last, which is the approval', () => {
    for (const format of formats.filter((f) => f.id !== 'blank')) {
      const last = format.steps.at(-1);
      expect(last?.tools).toContain('approval');
      for (const step of format.steps.slice(0, -1)) expect(step.summary.length, step.id).toBeGreaterThan(0);
    }
  });

  it('fits each format in a meeting of at most 9 hours', () => {
    for (const format of formats) {
      const minutes = format.steps.reduce((sum, step) => sum + step.minutes, 0);
      expect(minutes, format.id).toBeLessThanOrEqual(9 * 60);
    }
  });
});

describe('the format schema refuses', () => {
  const withSteps = (steps: FormatDefinition['steps']) => ({ ...format0, steps });
  const [first, second] = format0.steps as [FormatDefinition['steps'][0], FormatDefinition['steps'][0]];

  it('two steps with one id', () => {
    expect(() => formatDefinitionSchema.parse(withSteps([first, { ...second, id: first.id }]))).toThrow(
      /duplicate step/,
    );
  });
  it('a summary naming a zone the step does not have', () => {
    const step = {
      ...first,
      summary: [{ section: 'conclusions' as const, zones: ['nowhere'], as: 'list' as const }],
    };
    expect(() => formatDefinitionSchema.parse(withSteps([step]))).toThrow(/unknown zone/);
  });
  it('a summary form that cannot read its zone', () => {
    const step = {
      ...first,
      summary: [{ section: 'conclusions' as const, zones: ['agenda'], as: 'pairs' as const }],
    };
    expect(() => formatDefinitionSchema.parse(withSteps([step]))).toThrow(/cannot read/);
  });
  it('votes without dot voting', () => {
    expect(() => formatDefinitionSchema.parse(withSteps([{ ...first, votesPerPerson: 3 }]))).toThrow(
      /votesPerPerson/,
    );
  });
  it('an instruction too long to read on a projector', () => {
    const long = { pl: 'x'.repeat(200), en: 'x' };
    expect(() => formatDefinitionSchema.parse(withSteps([{ ...first, instruction: long }]))).toThrow();
  });
  it('an id that is not a slug', () => {
    expect(() => formatDefinitionSchema.parse({ ...format0, id: 'Format 0' })).toThrow();
  });
});
