import { describe, expect, it } from 'vitest';
import { unitLines, unitsInSection, unitsOfSteps, type SummaryBlock } from '@empiria/shared';
import { format0 } from '../definitions/format-0';
import type { BoardNote } from './board-content';
import { draftSummary } from './draft-summary';

/**
 * The continuity a network carries between meetings is read from approved notes by their drafted
 * section ids (shared/src/networks/continuity.ts). This pins that reading to what drafting really
 * writes: a Format 0 note gives its contract, its chosen topics and its next steps.
 */
let seq = 0;
function note(stepId: string, zoneId: string, cellId: string | null, text: string): BoardNote {
  seq++;
  return {
    id: `shape:n${seq}`,
    text,
    x: 100 + seq,
    y: 100,
    zone: { stepId, zoneId, cellId },
    clusterId: null,
    from: [],
    copyOf: null,
  };
}

describe('continuity read from a drafted Format 0 note', () => {
  const units = draftSummary(
    format0,
    {
      notes: [
        note('contract', 'rules', 'accepted', 'Mówimy po kolei'),
        note('contract', 'rules', 'accepted', 'Notatkę udostępniamy po zgodzie grupy'),
        note('contract', 'rules', 'proposed', 'Kamery zawsze włączone'),
        note('choose-topics', 'chosen', 'topic-1', 'Transport publiczny'),
        note('choose-topics', 'chosen', 'topic-2', 'Źródła finansowania'),
        note('next-formats', 'plan', 'topic-1.format', 'Format 2'),
        note('next-formats', 'plan', 'topic-1.when', 'marzec'),
      ],
      clusters: [],
      ranking: null,
    },
    'pl',
  );
  const blocks: SummaryBlock[] = units.flatMap((unit) => unit.blocks);

  it('finds the contract’s accepted rules, not the proposals', () => {
    const contract = unitsOfSteps(blocks, new Set(['contract']), 'decisions');
    expect(contract.flatMap(unitLines)).toEqual(['Mówimy po kolei', 'Notatkę udostępniamy po zgodzie grupy']);
  });

  it('finds the chosen topics in the decisions, not the vote’s candidates', () => {
    const topics = unitsOfSteps(blocks, new Set(['choose-topics']), 'decisions').flatMap(unitLines);
    expect(topics).toEqual(['Transport publiczny', 'Źródła finansowania']);
  });

  it('finds the next steps, whatever step drafted them', () => {
    const next = unitsInSection(blocks, 'next-steps');
    expect(next.length).toBeGreaterThan(0);
    expect(JSON.stringify(next)).toContain('marzec');
    expect(JSON.stringify(next)).not.toContain('Transport publiczny.');
  });
});
