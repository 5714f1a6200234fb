import { describe, expect, it } from 'vitest';
import type { TLShapeId } from 'tldraw';
import { isTemplateRecord } from '@empiria/shared';
import { guardShapeChange, withoutTemplates } from './template-guard';

const template = { meta: { empiria: { kind: 'template', formatId: 'format-2', stepId: 'barriers' } }, x: 0 };
const note = { meta: { empiria: { zone: { stepId: 'barriers', zoneId: 'barriers' } } }, x: 0 };

describe('template guard', () => {
  it('knows a template shape by its meta', () => {
    expect(isTemplateRecord(template)).toBe(true);
    expect(isTemplateRecord(note)).toBe(false);
    expect(isTemplateRecord({ meta: {} })).toBe(false);
    expect(isTemplateRecord({ meta: { empiria: 'template' } })).toBe(false);
  });
  it('refuses a participant’s change to a template shape, not to a note', () => {
    expect(guardShapeChange(template, { ...template, x: 50 }, false)).toBe(template);
    expect(guardShapeChange(note, { ...note, x: 50 }, false)).toEqual({ ...note, x: 50 });
  });
  it('lets the facilitators change the template', () => {
    expect(guardShapeChange(template, { ...template, x: 50 }, true)).toEqual({ ...template, x: 50 });
  });
  it('takes template shapes out of a selection', () => {
    const ids = ['shape:tpl--a', 'shape:note-1', 'shape:tpl--b'] as TLShapeId[];
    const isTemplate = (id: TLShapeId) => id.startsWith('shape:tpl');
    expect(withoutTemplates(ids, isTemplate)).toEqual(['shape:note-1']);
    const notes = ['shape:note-1'] as TLShapeId[];
    expect(withoutTemplates(notes, isTemplate)).toBe(notes);
  });
});
