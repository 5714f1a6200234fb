import { describe, expect, it } from 'vitest';
import { carriedOf, normalizeBlocks, runsText, type SummaryBlock } from '@empiria/shared';
import { format2 } from '../definitions/format-2';
import { inside, overlaps, type Rect } from '../layout/geometry';
import { layoutFormat } from '../layout/sheet-layout';
import { boardContentFromRecords } from '../summary/board-content';
import { draftSummary } from '../summary/draft-summary';
import {
  carryTargetOf,
  nextStepId,
  planCarry,
  planWinnersCarry,
  previousStepId,
  type CarryItem,
} from './plan-carry';

const layout = layoutFormat(format2);
const zoneOf = (stepId: string, zoneId: string) =>
  layout.sheets.find((s) => s.stepId === stepId)!.zones.find((z) => z.zoneId === zoneId)!;

const barriersBody = zoneOf('barriers', 'barriers').body;
function barrier(i: number, text: string): CarryItem {
  return {
    id: `shape:b${i}`,
    kind: 'note',
    bounds: {
      x: barriersBody.x + 12 + (i % 5) * 210,
      y: barriersBody.y + 12 + Math.floor(i / 5) * 210,
      w: 200,
      h: 200,
    },
    zone: { stepId: 'barriers', zoneId: 'barriers', cellId: null },
    text,
  };
}

const apart = (rects: Rect[]) => rects.every((a, i) => rects.slice(i + 1).every((b) => !overlaps(a, b)));

describe('where the carry puts things', () => {
  it('the grouping and the vote take them in their free area; the solutions in their rows; the test plan in each card’s first field; the matrix asks the group', () => {
    expect(carryTargetOf(layout, format2, 'grouping')).toMatchObject({ kind: 'area', zoneId: 'clusters' });
    expect(carryTargetOf(layout, format2, 'priorities')).toMatchObject({
      kind: 'area',
      zoneId: 'candidates',
    });
    const rows = carryTargetOf(layout, format2, 'solutions');
    expect(rows?.kind === 'cells' && rows.cells.map((c) => c.cellId)).toEqual([
      'barrier-1',
      'barrier-2',
      'barrier-3',
    ]);
    const cards = carryTargetOf(layout, format2, 'test-plan');
    expect(cards?.kind === 'cells' && cards.cells.map((c) => c.cellId)).toEqual([
      '1.solution',
      '2.solution',
      '3.solution',
    ]);
    expect(carryTargetOf(layout, format2, 'impact-effort')).toBeNull();
    expect(nextStepId(format2, 'barriers')).toBe('grouping');
    expect(previousStepId(format2, 'grouping')).toBe('barriers');
    expect(previousStepId(format2, 'challenge')).toBeNull();
  });
});

describe('planCarry', () => {
  it('moves the barriers onto the grouping sheet in reading order, none covering another or what is there, each remembering where it was', () => {
    const items = [barrier(3, 'd'), barrier(0, 'a'), barrier(1, 'b'), barrier(2, 'c'), barrier(5, 'f')];
    const target = zoneOf('grouping', 'clusters').body;
    const already = { id: 'shape:there', x: target.x + 12, y: target.y + 12, w: 200, h: 200 };
    const plan = planCarry({
      layout,
      format: format2,
      toStepId: 'grouping',
      items,
      occupied: [already, ...items.map((i) => ({ id: i.id, ...i.bounds }))],
    })!;
    expect(plan.overflow).toEqual([]);
    expect(plan.copies).toEqual([]);
    expect(plan.moves.map((m) => m.id)).toEqual(['shape:b0', 'shape:b1', 'shape:b2', 'shape:b3', 'shape:b5']);
    const rects = plan.moves.map((m) => ({ x: m.x, y: m.y, w: 200, h: 200 }));
    for (const r of rects) expect(inside(r, target)).toBe(true);
    expect(apart([already, ...rects])).toBe(true);
    for (const move of plan.moves) {
      expect(move.zone).toEqual({ stepId: 'grouping', zoneId: 'clusters', cellId: null });
      expect(move.leaves).toEqual({ stepId: 'barriers', zoneId: 'barriers' });
    }
  });

  it('a cluster moves whole (its size kept); into rows it is named by a new note in the next row', () => {
    const cluster: CarryItem = {
      id: 'shape:c1',
      kind: 'cluster',
      bounds: { x: 5000, y: 1000, w: 700, h: 300 },
      zone: { stepId: 'grouping', zoneId: 'clusters', cellId: null },
      text: 'Brak danych',
    };
    const onVote = planCarry({
      layout,
      format: format2,
      toStepId: 'priorities',
      items: [cluster],
      occupied: [],
    })!;
    expect(onVote.moves).toHaveLength(1);
    expect(inside({ ...onVote.moves[0]!, w: 700, h: 300 }, zoneOf('priorities', 'candidates').body)).toBe(
      true,
    );
    const intoRows = planCarry({
      layout,
      format: format2,
      toStepId: 'solutions',
      items: [cluster],
      occupied: [],
    })!;
    expect(intoRows.moves).toEqual([]);
    expect(intoRows.copies[0]).toMatchObject({
      sourceId: 'shape:c1',
      text: 'Brak danych',
      zone: { stepId: 'solutions', zoneId: 'ideas', cellId: 'barrier-1' },
    });
  });
  it('into the test cards a note’s words fill the next card’s "Solution" field; the note stays in the matrix', () => {
    const matrix = zoneOf('impact-effort', 'matrix').cells[0]!;
    const idea: CarryItem = {
      id: 'shape:idea',
      kind: 'note',
      bounds: { x: matrix.x + 10, y: matrix.y + 10, w: 200, h: 200 },
      zone: { stepId: 'impact-effort', zoneId: 'matrix', cellId: matrix.cellId },
      text: 'Wspólny zakup licencji',
    };
    const plan = planCarry({ layout, format: format2, toStepId: 'test-plan', items: [idea], occupied: [] })!;
    expect(plan.target).toMatchObject({ kind: 'cells', fields: true });
    expect(plan.moves).toEqual([]);
    expect(plan.copies[0]).toMatchObject({
      sourceId: 'shape:idea',
      text: 'Wspólny zakup licencji',
      zone: { stepId: 'test-plan', zoneId: 'tests', cellId: '1.solution' },
    });
  });
});

describe('planWinnersCarry', () => {
  const candidates = zoneOf('priorities', 'candidates').body;
  const item = (id: string, text: string, x: number): CarryItem => ({
    id,
    kind: 'cluster',
    bounds: { x: candidates.x + x, y: candidates.y + 20, w: 300, h: 260 },
    zone: { stepId: 'priorities', zoneId: 'candidates', cellId: null },
    text,
  });
  const items = [
    item('shape:a', 'Pieniądze', 0),
    item('shape:b', 'Ludzie', 320),
    item('shape:c', 'Dane', 640),
    item('shape:d', 'Prawo', 960),
  ];
  const ranking = [
    { targetId: 'shape:b', votes: 5, place: 1 },
    { targetId: 'shape:c', votes: 3, place: 2 },
    { targetId: 'shape:a', votes: 2, place: 3 },
    { targetId: 'shape:d', votes: 0, place: 4 },
  ];

  it('names the three with the most votes in the rows "Barrier 1/2/3", in the ranking’s order, through step 4’s "First"', () => {
    const plan = planWinnersCarry({
      layout,
      format: format2,
      toStepId: 'solutions',
      ranking,
      items,
      occupied: [],
    })!;
    expect(plan.copies.map((c) => [c.text, c.zone.cellId])).toEqual([
      ['Ludzie', 'barrier-1'],
      ['Dane', 'barrier-2'],
      ['Pieniądze', 'barrier-3'],
    ]);
    expect(plan.copies[0]!.from).toEqual([{ stepId: 'priorities', zoneId: 'top', cellId: 'barrier-1' }]);
    expect(plan.copies[0]!.copyOf).toEqual({
      id: 'shape:b',
      stepId: 'priorities',
      zoneId: 'candidates',
      votes: 5,
      place: 1,
    });
    const rows = layout.sheets.find((s) => s.stepId === 'solutions')!.zones[0]!.cells;
    plan.copies.forEach((copy, i) =>
      expect(inside({ x: copy.x, y: copy.y, w: 200, h: 200 }, rows[i]!)).toBe(true),
    );
  });

  it('an item nobody voted for is no winner', () => {
    const plan = planWinnersCarry({
      layout,
      format: format2,
      toStepId: 'solutions',
      ranking: ranking.map((r) => (r.targetId === 'shape:b' ? r : { ...r, votes: 0 })),
      items,
      occupied: [],
    })!;
    expect(plan.copies.map((c) => c.text)).toEqual(['Ludzie']);
  });
});

/** The drafted note as indented lines. */
function lines(blocks: SummaryBlock[], indent = ''): string[] {
  return normalizeBlocks(blocks).flatMap((block) => {
    if (block.type === 'heading') return [`${'#'.repeat(block.level)} ${runsText(block.runs)}`];
    if (block.type === 'paragraph') return [indent + runsText(block.runs)];
    return block.items.flatMap((entry, i) => {
      const [first, ...rest] = lines(entry, indent + '  ');
      return [
        `${indent}${block.type === 'orderedList' ? `${i + 1}.` : '-'} ${(first ?? '').trim()}`,
        ...rest,
      ];
    });
  });
}

describe('the drafted note after the notes were carried from sheet to sheet', () => {
  it('keeps the barriers, the groups with their members, the ranking, the barriers to work on and the solutions per barrier', () => {
    const page = 'page:page';
    const noteRecord = (
      id: string,
      text: string,
      parentId: string,
      empiria: Record<string, unknown>,
      x = 0,
      y = 0,
    ) => ({
      typeName: 'shape',
      type: 'note',
      id,
      parentId,
      x,
      y,
      props: {
        richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      },
      meta: { empiria },
    });
    const at = (stepId: string, zoneId: string, cellId?: string) => ({
      stepId,
      zoneId,
      ...(cellId ? { cellId } : {}),
    });
    const throughGrouping = {
      from: [at('barriers', 'barriers'), { ...at('grouping', 'clusters'), cluster: 'Pieniądze' }],
    };
    const records = [
      // Two clusters made on the grouping sheet, carried on to the vote with their notes.
      {
        typeName: 'shape',
        type: 'frame',
        id: 'shape:money',
        parentId: page,
        x: 100,
        y: 100,
        props: { w: 500, h: 300, name: 'Pieniądze' },
        meta: {
          empiria: { cluster: { name: 'Pieniądze' }, carried: { from: [at('grouping', 'clusters')] } },
        },
      },
      {
        typeName: 'shape',
        type: 'frame',
        id: 'shape:people',
        parentId: page,
        x: 700,
        y: 100,
        props: { w: 500, h: 300, name: 'Ludzie' },
        meta: { empiria: { cluster: { name: 'Ludzie' }, carried: { from: [at('grouping', 'clusters')] } } },
      },
      noteRecord(
        'shape:n1',
        'Brak budżetu',
        'shape:money',
        { zone: at('priorities', 'candidates'), carried: throughGrouping },
        10,
        10,
      ),
      noteRecord(
        'shape:n2',
        'Drogie licencje',
        'shape:money',
        { zone: at('priorities', 'candidates'), carried: throughGrouping },
        230,
        10,
      ),
      noteRecord(
        'shape:n3',
        'Za mało ludzi',
        'shape:people',
        {
          zone: at('priorities', 'candidates'),
          carried: { from: [at('barriers', 'barriers'), at('grouping', 'clusters')] },
        },
        10,
        10,
      ),
      // The vote's winners, named in the rows of the solutions sheet, and the solutions.
      noteRecord(
        'shape:w1',
        'Ludzie',
        page,
        {
          zone: at('solutions', 'ideas', 'barrier-1'),
          carried: {
            from: [at('priorities', 'top', 'barrier-1')],
            copyOf: { id: 'shape:people', stepId: 'priorities', zoneId: 'candidates', votes: 4, place: 1 },
          },
        },
        0,
        5000,
      ),
      noteRecord(
        'shape:w2',
        'Pieniądze',
        page,
        {
          zone: at('solutions', 'ideas', 'barrier-2'),
          carried: {
            from: [at('priorities', 'top', 'barrier-2')],
            copyOf: { id: 'shape:money', stepId: 'priorities', zoneId: 'candidates', votes: 2, place: 2 },
          },
        },
        0,
        5400,
      ),
      noteRecord(
        'shape:s1',
        'Wolontariat seniorów',
        page,
        { zone: at('solutions', 'ideas', 'barrier-1') },
        300,
        5000,
      ),
      noteRecord(
        'shape:s2',
        'Wspólne zakupy licencji',
        page,
        { zone: at('solutions', 'ideas', 'barrier-2') },
        300,
        5400,
      ),
    ];
    expect(carriedOf(records[0]!)).toEqual({ from: [at('grouping', 'clusters')] });
    const content = boardContentFromRecords(records, layout, [
      { targetId: 'shape:people', votes: 4, place: 1 },
      { targetId: 'shape:money', votes: 2, place: 2 },
    ]);
    const text = draftSummary(format2, content, 'pl').flatMap((unit) => lines(unit.blocks));
    expect(text).toEqual([
      '# Wnioski',
      '## Bariery i ograniczenia',
      '- Brak budżetu',
      '- Drogie licencje',
      '- Za mało ludzi',
      '## Grupowanie',
      '- Pieniądze',
      '  - Brak budżetu',
      '  - Drogie licencje',
      '- Ludzie',
      '  - Za mało ludzi',
      '## Ranking barier',
      '1. Ludzie — 4 głosy',
      '2. Pieniądze — 2 głosy',
      '## Rozwiązania dla barier',
      '- Bariera 1: Ludzie',
      '  - Wolontariat seniorów',
      '- Bariera 2: Pieniądze',
      '  - Wspólne zakupy licencji',
      '# Decyzje',
      '## Bariery do pracy',
      '- Bariera 1: Ludzie',
      '- Bariera 2: Pieniądze',
    ]);
  });
});
