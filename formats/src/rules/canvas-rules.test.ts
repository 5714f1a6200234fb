import { describe, expect, it } from 'vitest';
import { format2 } from '../definitions/format-2';
import { layoutFormat } from '../layout/sheet-layout';
import { refusedChanges, shapeCentre, type CanvasRuleContext } from './canvas-rules';

const layout = layoutFormat(format2);
const barriers = layout.sheets.find((s) => s.stepId === 'barriers')!;
const note = (id: string, x: number, y: number) => ({
  id,
  typeName: 'shape',
  type: 'note',
  x,
  y,
  parentId: 'page:page',
  props: { scale: 1, growY: 0 },
});
const context = (lockedSteps: string[] = []): CanvasRuleContext => ({
  lockedSteps,
  layout,
  recordById: () => undefined,
  recordBefore: () => undefined,
  childrenOf: () => [],
});

/** A board before and after an update: `before` and `after` by id (undefined: absent). */
function boardContext(
  lockedSteps: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): CanvasRuleContext & { walked: Set<string> } {
  const walked = new Set<string>();
  return {
    lockedSteps,
    layout,
    walked,
    recordById: (id) => after[id],
    recordBefore: (id) => before[id],
    childrenOf: (id) => {
      walked.add(id);
      return Object.keys(after).filter((key) => (after[key] as { parentId?: string }).parentId === id);
    },
  };
}

/** The changes between two boards, as the server reads them off an update. */
function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>) {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

const frame = (id: string, x: number, y: number, rotation = 0, parentId = 'page:page') => ({
  id,
  typeName: 'shape',
  type: 'frame',
  x,
  y,
  rotation,
  parentId,
  props: { w: 10, h: 10 },
});
const child = (id: string, parentId: string, x: number, y: number) => ({ ...note(id, x, y), parentId });

describe('canvas rules', () => {
  it('[C1] the template is never changed by a participant', () => {
    const frame = {
      id: 'shape:tpl',
      typeName: 'shape',
      type: 'frame',
      x: 0,
      y: 0,
      meta: { empiria: { kind: 'template' } },
    };
    const moved = { ...frame, x: 500 };
    expect(refusedChanges([{ key: frame.id, before: frame, after: moved }], context())).toHaveLength(1);
    expect(refusedChanges([{ key: frame.id, before: frame, after: undefined }], context())).toHaveLength(1);
    expect(refusedChanges([{ key: 'shape:fake', before: undefined, after: moved }], context())).toHaveLength(
      1,
    );
    expect(refusedChanges([{ key: frame.id, before: frame, after: { ...frame } }], context())).toHaveLength(
      0,
    );
  });

  it('[C2] nothing is added, moved onto, off or removed from a locked sheet', () => {
    const inside = note('shape:a', barriers.x + 300, barriers.y + 900);
    const outside = note('shape:a', barriers.x - 5000, 0);
    const locked = context(['barriers']);
    expect(refusedChanges([{ key: 'shape:a', before: undefined, after: inside }], locked)).toHaveLength(1);
    expect(refusedChanges([{ key: 'shape:a', before: outside, after: inside }], locked)).toHaveLength(1);
    expect(refusedChanges([{ key: 'shape:a', before: inside, after: outside }], locked)).toHaveLength(1);
    expect(refusedChanges([{ key: 'shape:a', before: inside, after: undefined }], locked)).toHaveLength(1);
    expect(
      refusedChanges([{ key: 'shape:a', before: undefined, after: inside }], context(['grouping'])),
    ).toHaveLength(0);
    expect(refusedChanges([{ key: 'shape:a', before: undefined, after: outside }], locked)).toHaveLength(0);
  });

  it('finds the centre of a nested shape through its parents', () => {
    const group = {
      id: 'shape:g',
      typeName: 'shape',
      type: 'frame',
      x: 1000,
      y: 500,
      parentId: 'page:page',
      props: { w: 400, h: 400 },
    };
    const child = { ...note('shape:c', 10, 20), parentId: 'shape:g' };
    expect(shapeCentre(child, (id) => (id === 'shape:g' ? group : undefined))).toEqual({ x: 1110, y: 620 });
  });

  it('[C2] judges the shapes a moved shape carries by where they land on the page', () => {
    const locked = ['barriers'];
    // A small frame far left of the sheet, its note 10,300 units to its right.
    const far = frame('shape:f', barriers.x - 20_000, barriers.y);
    const kid = child('shape:n', 'shape:f', 10_300, 300);
    const start = { 'shape:f': far, 'shape:n': kid };
    const onto = { 'shape:f': { ...far, x: barriers.x - 10_000 }, 'shape:n': kid };
    const ctx = boardContext(locked, start, onto);
    expect(refusedChanges(changesBetween(start, onto), ctx).map((c) => c.key)).toEqual(['shape:f']);
    // Off the sheet again: refused too.
    const off = boardContext(locked, onto, start);
    expect(refusedChanges(changesBetween(onto, start), off).map((c) => c.key)).toEqual(['shape:f']);
    // Unlocked, or moved where the note stays off every sheet: allowed.
    expect(refusedChanges(changesBetween(start, onto), boardContext([], start, onto))).toEqual([]);
    const elsewhere = { 'shape:f': { ...far, y: far.y + 50 }, 'shape:n': kid };
    expect(refusedChanges(changesBetween(start, elsewhere), boardContext(locked, start, elsewhere))).toEqual(
      [],
    );
  });

  it('[C2] follows what a moved shape carries all the way down, turned by its parents', () => {
    const locked = ['barriers'];
    const top = frame('shape:top', barriers.x + barriers.w / 2, barriers.y - 20_000);
    const mid = frame('shape:mid', 0, 0, 0, 'shape:top');
    const kid = child('shape:n', 'shape:mid', -100, 10_000);
    const start = { 'shape:top': top, 'shape:mid': mid, 'shape:n': kid };
    // Turning the middle frame by a half turn swings the note from 10,000 below to 10,000 above.
    const turned = { ...start, 'shape:mid': { ...mid, rotation: Math.PI } };
    expect(refusedChanges(changesBetween(start, turned), boardContext(locked, start, turned))).toEqual([]);
    // Moving the top frame down carries both onto the sheet.
    const lowered = { ...start, 'shape:top': { ...top, y: barriers.y + 900 - 10_000 - 100 } };
    expect(
      refusedChanges(changesBetween(start, lowered), boardContext(locked, start, lowered)).map((c) => c.key),
    ).toEqual(['shape:top']);
  });

  it('[C2] judges a changed child by its parent as it was before and as it is after', () => {
    const locked = ['barriers'];
    const far = frame('shape:f', barriers.x - 20_000, barriers.y);
    const kid = child('shape:n', 'shape:f', 10_300, 300);
    const start = { 'shape:f': far, 'shape:n': kid };
    // The frame moves and the note's text changes in the same update: the note lands on the sheet.
    const both = {
      'shape:f': { ...far, x: barriers.x - 10_000 },
      'shape:n': { ...kid, meta: { edited: 1 } },
    };
    expect(
      refusedChanges(changesBetween(start, both), boardContext(locked, start, both))
        .map((c) => c.key)
        .sort(),
    ).toEqual(['shape:f', 'shape:n']);
  });

  it('walks what a shape carries only when it moves, and only when a sheet is locked', () => {
    const far = frame('shape:f', barriers.x - 20_000, barriers.y);
    const kid = child('shape:n', 'shape:f', 10_300, 300);
    const start = { 'shape:f': far, 'shape:n': kid };
    const renamed = { ...start, 'shape:f': { ...far, props: { w: 10, h: 10, name: 'x' } } };
    const locked = boardContext(['barriers'], start, renamed);
    expect(refusedChanges(changesBetween(start, renamed), locked)).toEqual([]);
    expect(locked.walked.size).toBe(0);
    const moved = { ...start, 'shape:f': { ...far, x: far.x + 1 } };
    const unlocked = boardContext([], start, moved);
    expect(refusedChanges(changesBetween(start, moved), unlocked)).toEqual([]);
    expect(unlocked.walked.size).toBe(0);
  });
});
