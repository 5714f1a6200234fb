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
});

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
});
