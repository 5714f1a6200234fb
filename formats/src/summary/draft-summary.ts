import { run, type Language, type SummaryBlock } from '@empiria/shared';
import type { FormatDefinition } from '../format-definition';
import type { Step, SummaryMapping } from '../step';
import { zoneCells, type Zone, type ZoneCell } from '../zone';
import type { BoardCluster, BoardContent, BoardNote, ZoneRef } from './board-content';
import { DRAFT_WORDS, SECTION_ORDER, SECTION_TITLES } from './section-titles';

/**
 * One unit of the drafted note: a heading with a stable `sectionId` and what follows it. Re-running
 * the draft replaces a unit only if nobody has edited it since (see shared's applyDraft).
 */
export interface DraftUnit {
  sectionId: string;
  blocks: SummaryBlock[];
}

const paragraph = (text: string): SummaryBlock => ({ type: 'paragraph', runs: [run(text)] });
const bullets = (items: SummaryBlock[][]): SummaryBlock => ({ type: 'bulletList', items });
const numbered = (items: SummaryBlock[][]): SummaryBlock => ({ type: 'orderedList', items });
const readingOrder = <T extends { x: number; y: number }>(items: T[]) =>
  [...items].sort((a, b) => a.y - b.y || a.x - b.x);

function votesWord(language: Language, count: number): string {
  const [one, few, many] = DRAFT_WORDS.votes[language];
  if (language === 'en') return count === 1 ? one : many;
  if (count === 1) return one;
  const mod10 = count % 10;
  const mod100 = count % 100;
  return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
}

/**
 * Drafts the summary note from the board: for every step's summary mappings, in the order of the
 * note's sections, the group's notes laid out as the mapping says — a list, clusters, a ranking by
 * votes, pairs, cards, a table, a poll's counts. Only the group's own words go in.
 */
export function draftSummary(
  format: FormatDefinition,
  content: BoardContent,
  language: Language,
): DraftUnit[] {
  const units: DraftUnit[] = [];
  for (const section of SECTION_ORDER) {
    const parts: DraftUnit[] = [];
    format.steps.forEach((step) => {
      step.summary.forEach((mapping, index) => {
        if (mapping.section !== section) return;
        const blocks = draftMapping(step, mapping, content, language);
        if (blocks.length === 0) return;
        const title = (mapping.heading ?? step.title)[language];
        parts.push({
          sectionId: `${step.id}.${index}`,
          blocks: [
            { type: 'heading', level: 2, sectionId: `${step.id}.${index}`, runs: [run(title)] },
            ...blocks,
          ],
        });
      });
    });
    if (parts.length === 0) continue;
    units.push({
      sectionId: `section.${section}`,
      blocks: [
        {
          type: 'heading',
          level: 1,
          sectionId: `section.${section}`,
          runs: [run(SECTION_TITLES[section][language])],
        },
      ],
    });
    units.push(...parts);
  }
  return units;
}

function draftMapping(
  step: Step,
  mapping: SummaryMapping,
  content: BoardContent,
  language: Language,
): SummaryBlock[] {
  const zones = step.zones.filter((zone) => mapping.zones.includes(zone.id));
  const isIn = (place: ZoneRef | null, zone: Zone, cellId?: string) =>
    place?.stepId === step.id &&
    place.zoneId === zone.id &&
    (cellId === undefined || place.cellId === cellId) &&
    (!mapping.cells || (place.cellId !== null && mapping.cells.includes(place.cellId)));
  // Where it lies now, or anywhere it lay before the group carried it on to the next sheets.
  const inZone =
    (zone: Zone, cellId?: string) => (item: { zone: ZoneRef | null; from: readonly ZoneRef[] }) =>
      isIn(item.zone, zone, cellId) || item.from.some((place) => isIn(place, zone, cellId));
  const notesIn = (zone: Zone, cellId?: string) => readingOrder(content.notes.filter(inZone(zone, cellId)));
  const textItems = (notes: BoardNote[]) => notes.map((note) => [paragraph(note.text)]);
  const cellsOf = (zone: Zone) =>
    zoneCells(zone).filter((cell) => !mapping.cells || mapping.cells.includes(cell.cellId));
  const label = (cell: ZoneCell) => cell.label[language];

  const blocks: SummaryBlock[] = [];
  for (const zone of zones) {
    switch (mapping.as) {
      case 'list': {
        const cells = cellsOf(zone);
        if (cells.length === 0) {
          const notes = notesIn(zone);
          if (notes.length > 0) blocks.push(bullets(textItems(notes)));
          break;
        }
        // A carried winner names its cell ("Barrier 1: No data"); the cell's notes follow it.
        const groups = cells
          .map((cell) => ({ cell, notes: notesIn(zone, cell.cellId) }))
          .filter((group) => group.notes.length > 0)
          .map((group) => {
            const names = group.notes.filter((note) => note.copyOf !== null).map((note) => note.text);
            const rest = group.notes.filter((note) => note.copyOf === null);
            const title = names.length > 0 ? `${label(group.cell)}: ${names.join('; ')}` : label(group.cell);
            return rest.length > 0 ? [paragraph(title), bullets(textItems(rest))] : [paragraph(title)];
          });
        if (groups.length > 0) blocks.push(bullets(groups));
        break;
      }
      case 'clusters': {
        const clusters = readingOrder(content.clusters.filter(inZone(zone)));
        const items = clusters
          .map((cluster) => clusterItem(cluster, content.notes, language))
          .filter((item): item is SummaryBlock[] => item !== null);
        const loose = notesIn(zone).filter((note) => note.clusterId === null);
        if (loose.length > 0) items.push([paragraph(DRAFT_WORDS.other[language]), bullets(textItems(loose))]);
        if (items.length > 0) blocks.push(bullets(items));
        break;
      }
      case 'ranking': {
        const clusters = content.clusters.filter(inZone(zone));
        const candidates: { id: string; text: string; x: number; y: number }[] = [
          ...clusters.map((c) => ({
            id: c.id,
            text: c.name || DRAFT_WORDS.unnamedCluster[language],
            x: c.x,
            y: c.y,
          })),
          ...notesIn(zone).filter((note) => note.clusterId === null),
        ];
        const votes = new Map(content.ranking?.map((entry) => [entry.targetId, entry.votes]) ?? []);
        if (candidates.length === 0 && content.ranking) {
          // The group voted on items lying elsewhere (clusters left on the grouping sheet): rank those.
          const known = [
            ...content.clusters.map((c) => ({
              id: c.id,
              text: c.name || DRAFT_WORDS.unnamedCluster[language],
              x: c.x,
              y: c.y,
            })),
            ...content.notes,
          ];
          for (const entry of content.ranking) {
            const item = known.find((k) => k.id === entry.targetId);
            if (item && !candidates.some((c) => c.id === item.id)) candidates.push(item);
          }
        }
        const ranked = readingOrder(candidates).sort(
          (a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0),
        );
        if (ranked.length === 0) break;
        const withVotes = content.ranking !== null;
        blocks.push(
          numbered(
            ranked.map((item) => {
              const count = votes.get(item.id) ?? 0;
              return [
                {
                  type: 'paragraph',
                  runs: withVotes
                    ? [run(item.text), run(` — ${count} ${votesWord(language, count)}`, 'bold')]
                    : [run(item.text)],
                },
              ];
            }),
          ),
        );
        break;
      }
      case 'pairs': {
        if (zone.kind !== 'pairs') break;
        const rows = Array.from({ length: zone.count }, (_, i) => i + 1)
          .map((n): SummaryBlock[] | null => {
            const left = notesIn(zone, `${n}.${zone.left.id}`).map((note) => note.text);
            const right = notesIn(zone, `${n}.${zone.right.id}`).map((note) => note.text);
            if (left.length === 0 && right.length === 0) return null;
            return [
              {
                type: 'paragraph',
                runs: [run(left.join('; ') || '—', 'bold'), run(' → '), run(right.join('; ') || '—')],
              },
            ];
          })
          .filter((row): row is SummaryBlock[] => row !== null);
        if (rows.length > 0) blocks.push(bullets(rows));
        break;
      }
      case 'cards': {
        if (zone.kind !== 'cards') break;
        for (let n = 1; n <= zone.count; n++) {
          const fields = zone.fields
            .map((field) => ({ field, notes: notesIn(zone, `${n}.${field.id}`) }))
            .filter((entry) => entry.notes.length > 0);
          if (fields.length === 0) continue;
          blocks.push({ type: 'paragraph', runs: [run(`${zone.card[language]} ${n}`, 'bold')] });
          blocks.push(
            bullets(
              fields.map((entry) => [
                {
                  type: 'paragraph',
                  runs: [
                    run(`${entry.field.label[language]}: `, 'bold'),
                    run(entry.notes.map((x) => x.text).join('; ')),
                  ],
                },
              ]),
            ),
          );
        }
        break;
      }
      case 'table': {
        const rows = cellsOf(zone)
          .map((cell) => ({ cell, notes: notesIn(zone, cell.cellId) }))
          .filter((entry) => entry.notes.length > 0)
          .map((entry) => [
            {
              type: 'paragraph' as const,
              runs: [run(`${label(entry.cell)}: `, 'bold'), run(entry.notes.map((x) => x.text).join('; '))],
            },
          ]);
        if (rows.length > 0) blocks.push(bullets(rows));
        break;
      }
      case 'poll': {
        const counts = cellsOf(zone).map((cell) => ({ cell, count: notesIn(zone, cell.cellId).length }));
        if (counts.every((entry) => entry.count === 0)) break;
        blocks.push(
          bullets(
            counts.map((entry) => [
              { type: 'paragraph', runs: [run(`${label(entry.cell)}: `), run(String(entry.count), 'bold')] },
            ]),
          ),
        );
        break;
      }
    }
  }
  return blocks;
}

function clusterItem(cluster: BoardCluster, notes: BoardNote[], language: Language): SummaryBlock[] | null {
  const members = readingOrder(notes.filter((note) => note.clusterId === cluster.id));
  if (members.length === 0 && !cluster.name) return null;
  const name = cluster.name || DRAFT_WORDS.unnamedCluster[language];
  const head: SummaryBlock = { type: 'paragraph', runs: [run(name, 'bold')] };
  return members.length > 0 ? [head, bullets(members.map((note) => [paragraph(note.text)]))] : [head];
}
