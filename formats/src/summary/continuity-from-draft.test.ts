import { describe, expect, it } from 'vitest';
import {
  caseCardsOfUnits,
  unitLines,
  unitsInSection,
  unitsOfSteps,
  type CaseFieldLabels,
  type SummaryBlock,
} from '@empiria/shared';
import { format0 } from '../definitions/format-0';
import { format3 } from '../definitions/format-3';
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

describe('case cards read from a drafted Format 3 note', () => {
  const zone = format3.steps.find((step) => step.id === 'case-cards')?.zones.find((z) => z.id === 'cases');
  if (zone?.kind !== 'cards') throw new Error('Format 3 has no case cards');
  const labelsOf = (id: string) => {
    const field = zone.fields.find((f) => f.id === id);
    return field ? [field.label.pl, field.label.en] : [];
  };
  const labels: CaseFieldLabels = {
    city: labelsOf('city'),
    context: labelsOf('context'),
    problem: labelsOf('problem'),
    solution: labelsOf('solution'),
    results: labelsOf('results'),
    cost: labelsOf('cost'),
    lessons: labelsOf('lessons'),
  };
  const content = {
    notes: [
      note('case-cards', 'cases', '1.city', 'Gdynia'),
      note('case-cards', 'cases', '1.problem', 'Puste przystanki'),
      note('case-cards', 'cases', '1.solution', 'Autobus na żądanie'),
      note('case-cards', 'cases', '1.cost', '120 tys. zł rocznie'),
      note('case-cards', 'cases', '1.lessons', 'Zacząć od jednej linii'),
      note('case-cards', 'cases', '1.lessons', 'Mówić o tym mieszkańcom'),
      note('case-cards', 'cases', '3.city', 'Lublin'),
      note('case-cards', 'cases', '3.solution', 'Rower miejski zimą'),
      note('area-criteria', 'area', null, 'Transport'),
    ],
    clusters: [],
    ranking: null,
  };
  const read = (language: 'pl' | 'en') => {
    const blocks = draftSummary(format3, content, language).flatMap((unit) => unit.blocks);
    return caseCardsOfUnits(unitsOfSteps(blocks, new Set(['case-cards'])), labels);
  };

  it('gives each filled card its fields, empty ones empty, several answers joined', () => {
    expect(read('pl')).toEqual([
      {
        city: 'Gdynia',
        context: '',
        problem: 'Puste przystanki',
        solution: 'Autobus na żądanie',
        results: '',
        cost: '120 tys. zł rocznie',
        lessons: 'Zacząć od jednej linii; Mówić o tym mieszkańcom',
      },
      {
        city: 'Lublin',
        context: '',
        problem: '',
        solution: 'Rower miejski zimą',
        results: '',
        cost: '',
        lessons: '',
      },
    ]);
  });

  it('reads a note drafted in English the same way', () => {
    expect(read('en')).toEqual(read('pl'));
  });
});
