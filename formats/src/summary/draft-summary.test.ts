import { describe, expect, it } from 'vitest';
import { normalizeBlocks, runsText, type SummaryBlock } from '@empiria/shared';
import { format2 } from '../definitions/format-2';
import { formats } from '../formats';
import { layoutFormat } from '../layout/sheet-layout';
import { zoneCells } from '../zone';
import { boardContentFromRecords, type BoardContent, type BoardNote } from './board-content';
import { draftSummary } from './draft-summary';

/** Renders drafted units as indented text lines: easy to read in a test, exact to compare. */
function lines(blocks: SummaryBlock[], indent = ''): string[] {
  return normalizeBlocks(blocks).flatMap((block) => {
    if (block.type === 'heading')
      return [`${'#'.repeat(block.level)} ${runsText(block.runs)} [${block.sectionId}]`];
    if (block.type === 'paragraph')
      return [indent + block.runs.map((r) => (r.marks.includes('bold') ? `*${r.text}*` : r.text)).join('')];
    return block.items.flatMap((item, i) => {
      const [first, ...rest] = lines(item, indent + '  ');
      return [
        `${indent}${block.type === 'orderedList' ? `${i + 1}.` : '-'} ${(first ?? '').trim()}`,
        ...rest,
      ];
    });
  });
}

let seq = 0;
function note(
  stepId: string,
  zoneId: string,
  cellId: string | null,
  text: string,
  y = 0,
  clusterId: string | null = null,
): BoardNote {
  seq++;
  return {
    id: `shape:n${seq}`,
    text,
    x: 100 + seq,
    y: 100 + y,
    zone: { stepId, zoneId, cellId },
    clusterId,
    from: [],
    copyOf: null,
  };
}

describe('drafting the summary from the board', () => {
  it('Format 2: barriers, clusters, ranking by votes, solutions, the matrix and the test plan — exact output', () => {
    const clusters = [
      {
        id: 'shape:c1',
        name: 'Pieniądze',
        x: 100,
        y: 100,
        zone: { stepId: 'grouping', zoneId: 'clusters', cellId: null },
        from: [],
      },
      {
        id: 'shape:c2',
        name: 'Ludzie',
        x: 100,
        y: 400,
        zone: { stepId: 'grouping', zoneId: 'clusters', cellId: null },
        from: [],
      },
    ];
    const content: BoardContent = {
      notes: [
        note('challenge', 'statement', null, 'Cyfryzacja usług dla seniorów'),
        note('barriers', 'barriers', null, 'Brak budżetu', 10),
        note('barriers', 'barriers', null, 'Za mało szkoleń', 20),
        note('grouping', 'clusters', null, 'Brak budżetu', 0, 'shape:c1'),
        note('grouping', 'clusters', null, 'Za mało szkoleń', 0, 'shape:c2'),
        note('grouping', 'clusters', null, 'Opór przed zmianą', 600),
      ],
      clusters,
      ranking: [
        { targetId: 'shape:c2', votes: 5, place: 1 },
        { targetId: 'shape:c1', votes: 3, place: 2 },
      ],
    };
    // Ranked clusters live on the priorities sheet too: place them there.
    content.clusters.push(
      {
        id: 'shape:c1',
        name: 'Pieniądze',
        x: 100,
        y: 100,
        zone: { stepId: 'priorities', zoneId: 'candidates', cellId: null },
        from: [],
      },
      {
        id: 'shape:c2',
        name: 'Ludzie',
        x: 300,
        y: 100,
        zone: { stepId: 'priorities', zoneId: 'candidates', cellId: null },
        from: [],
      },
    );
    const units = draftSummary(format2, content, 'pl');
    const text = units.flatMap((u) => lines(u.blocks));
    expect(text).toMatchInlineSnapshot(`
      [
        "# Wnioski [section.conclusions]",
        "## Wyzwanie [challenge.0]",
        "- Cyfryzacja usług dla seniorów",
        "## Bariery i ograniczenia [barriers.0]",
        "- Brak budżetu",
        "- Za mało szkoleń",
        "## Grupowanie [grouping.0]",
        "- *Pieniądze*",
        "  - Brak budżetu",
        "- *Ludzie*",
        "  - Za mało szkoleń",
        "- Pozostałe",
        "  - Opór przed zmianą",
        "## Ranking barier [priorities.0]",
        "1. Ludzie* — 5 głosów*",
        "2. Pieniądze* — 3 głosy*",
      ]
    `);
  });

  it('every format drafts something from a note in every zone, in both languages', () => {
    for (const format of formats.filter((f) => f.steps.length > 0)) {
      const layout = layoutFormat(format);
      const notes: BoardNote[] = [];
      for (const step of format.steps) {
        for (const zone of step.zones) {
          const cells = zoneCells(zone);
          notes.push(note(step.id, zone.id, cells[0]?.cellId ?? null, `${step.id}/${zone.id}`));
        }
      }
      for (const language of ['pl', 'en'] as const) {
        const units = draftSummary(format, { notes, clusters: [], ranking: null }, language);
        const mapped = format.steps.flatMap((step) => step.summary.map((_, i) => `${step.id}.${i}`));
        const drafted = units.map((u) => u.sectionId).filter((id) => !id.startsWith('section.'));
        // Every mapping whose zones hold a note produced its unit (cell-filtered ones may not).
        expect(drafted.length, `${format.id} ${language}`).toBeGreaterThan(mapped.length / 2);
        expect(new Set(units.map((u) => u.sectionId)).size).toBe(units.length);
      }
      expect(layout.sheets.length).toBe(format.steps.length);
    }
  });

  it('reads notes from tldraw records: text, absolute position, zone from meta or from where they lie', () => {
    const layout = layoutFormat(format2);
    const barriers = layout.sheets.find((s) => s.stepId === 'barriers')!;
    const zone = barriers.zones[0]!;
    const records = [
      {
        id: 'shape:tpl',
        typeName: 'shape',
        type: 'frame',
        x: 0,
        y: 0,
        meta: { empiria: { kind: 'template' } },
        props: {},
      },
      {
        id: 'shape:a',
        typeName: 'shape',
        type: 'note',
        x: zone.x + 50,
        y: zone.y + 50,
        parentId: 'page:page',
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brak  budżetu' }] }],
          },
        },
        meta: {},
      },
      {
        id: 'shape:b',
        typeName: 'shape',
        type: 'note',
        x: -5000,
        y: 0,
        parentId: 'page:page',
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ze strefy' }] }],
          },
        },
        meta: { empiria: { zone: { stepId: 'solutions', zoneId: 'solutions', cellId: 'top-1' } } },
      },
      {
        id: 'shape:empty',
        typeName: 'shape',
        type: 'note',
        x: 0,
        y: 0,
        parentId: 'page:page',
        props: { richText: { type: 'doc', content: [] } },
      },
    ];
    const content = boardContentFromRecords(records, layout, null);
    expect(content.notes).toEqual([
      expect.objectContaining({
        id: 'shape:a',
        text: 'Brak budżetu',
        zone: { stepId: 'barriers', zoneId: zone.zoneId, cellId: null },
      }),
      expect.objectContaining({
        id: 'shape:b',
        zone: { stepId: 'solutions', zoneId: 'solutions', cellId: 'top-1' },
      }),
    ]);
  });
});
