import type { PlanSectionId } from './plan-api';

/**
 * "Zaproponuj z notatek": what the network's approved notes propose for the work plan's empty
 * sections (issue #13 item 1). Which step of which format feeds which section is this table; the
 * reading of the notes is continuity's (D17: `unitsOfSteps`, `unitLines`), done by the server.
 * Pure, so the mapping is tested without notes or a server.
 */
export interface PlanSeedSource {
  format: 'format-0' | 'format-1';
  stepId: string;
  /** The note's section the step drafted into (a step may draft into two). */
  noteSection: string;
  target: PlanSectionId;
}

export const PLAN_SEED_SOURCES: readonly PlanSeedSource[] = [
  // Format 0: the topics chosen, and what the challenges meant to the cities.
  { format: 'format-0', stepId: 'choose-topics', noteSection: 'decisions', target: 'challenges' },
  { format: 'format-0', stepId: 'topic-meaning', noteSection: 'conclusions', target: 'challenges' },
  // Format 0's "next formats": the plan of the meetings to come.
  { format: 'format-0', stepId: 'next-formats', noteSection: 'next-steps', target: 'organisation' },
  // Format 1: the goal, the agreed scheme, its steps, and the resources it assumes.
  { format: 'format-1', stepId: 'planning-goal', noteSection: 'conclusions', target: 'goals' },
  { format: 'format-1', stepId: 'agree', noteSection: 'decisions', target: 'goals' },
  { format: 'format-1', stepId: 'sequence', noteSection: 'conclusions', target: 'actions' },
  { format: 'format-1', stepId: 'resources', noteSection: 'conclusions', target: 'resources' },
];

/** The lines the notes gave one source, newest note first (the server reads them). */
export interface PlanSeedFinding {
  source: PlanSeedSource;
  lines: readonly string[];
}

/**
 * The proposals for the sections still empty: each a list of the lines found for it, `- ` before
 * each, once each (the same topic chosen at two meetings is one line). A section with text is never
 * touched: the pair's words win over the notes'.
 */
export function proposePlanSections(
  findings: readonly PlanSeedFinding[],
  current: Readonly<Record<PlanSectionId, string>>,
): Partial<Record<PlanSectionId, string>> {
  const lines = new Map<PlanSectionId, string[]>();
  for (const { source, lines: found } of findings) {
    if (current[source.target].trim() !== '') continue;
    const list = lines.get(source.target) ?? [];
    for (const raw of found) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line && !list.includes(line)) list.push(line);
    }
    lines.set(source.target, list);
  }
  const proposals: Partial<Record<PlanSectionId, string>> = {};
  for (const [section, list] of lines) {
    if (list.length > 0) proposals[section] = list.map((line) => `- ${line}`).join('\n');
  }
  return proposals;
}
