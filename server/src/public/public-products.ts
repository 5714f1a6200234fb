import { unitLines, unitsOfSteps, type SummaryBlock } from '@empiria/shared';

/**
 * The network's products on its public page (issue #13 item 6): what the formats make that a city
 * hall can take away — Format 1's scheme of action, the recommendations (Format 2's solutions,
 * Format 3's versions for types of city), Format 3's model practice. Read from a published note's
 * units drafted from those steps, as continuity reads the contract and case cards; nothing else.
 */
export const PRODUCT_KINDS = ['scheme', 'recommendation', 'model'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** The steps each product is drafted from, by format and step id (formats/src/definitions). */
export const PRODUCT_STEPS: Readonly<Record<ProductKind, readonly { formatId: string; stepId: string }[]>> = {
  scheme: [
    { formatId: 'format-1', stepId: 'sequence' },
    { formatId: 'format-1', stepId: 'agree' },
  ],
  recommendation: [
    { formatId: 'format-2', stepId: 'solutions' },
    { formatId: 'format-3', stepId: 'versions' },
  ],
  model: [{ formatId: 'format-3', stepId: 'model' }],
};

export interface NoteProduct {
  kind: ProductKind;
  /** The unit's heading as the note has it. */
  title: string;
  lines: string[];
}

/**
 * The products in one note. `stepsFrom` names the board's step ids that are a format's step (a
 * plain board's own, or the positions of an agenda's items), as `ContinuitySources.stepsFrom`.
 */
export function productsOfNote(
  blocks: readonly SummaryBlock[],
  stepsFrom: (formatId: string, stepId: string) => ReadonlySet<string>,
): NoteProduct[] {
  return PRODUCT_KINDS.flatMap((kind) => {
    const steps = new Set(PRODUCT_STEPS[kind].flatMap((s) => [...stepsFrom(s.formatId, s.stepId)]));
    if (steps.size === 0) return [];
    return unitsOfSteps(blocks, steps).flatMap((unit) => {
      const lines = unitLines(unit);
      return lines.length > 0 ? [{ kind, title: unit.title, lines }] : [];
    });
  });
}
