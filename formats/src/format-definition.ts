import { z } from 'zod';
import { slugSchema } from '@empiria/shared';
import { localizedTextSchema } from './localized-text';
import { stepSchema, type Step } from './step';
import { zoneCells, type Zone } from './zone';

/** Which summary forms read which zone kinds; a `list` reads anything. */
const formsByKind: Record<string, Zone['kind'][]> = {
  pairs: ['pairs'],
  cards: ['cards'],
  table: ['matrix', 'timeline'],
  poll: ['poll'],
};

/**
 * A working format as declarative data: what it is for, when to use it, and its steps. Versioned,
 * so that a board made with an older version of a format still opens (craft habit 9): a board
 * records the `id` and `version` it was made with, and a changed format gets a new version.
 */
export const formatDefinitionSchema = z
  .object({
    id: slugSchema,
    version: z.number().int().positive(),
    name: localizedTextSchema,
    goal: localizedTextSchema,
    result: localizedTextSchema,
    whenToUse: localizedTextSchema,
    steps: z.array(stepSchema),
  })
  .superRefine((format, ctx) => {
    for (const issue of consistencyIssues(format.steps)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  });
export type FormatDefinition = z.infer<typeof formatDefinitionSchema>;

interface Issue {
  message: string;
  path: (string | number)[];
}

/** What a schema per field cannot see: unique ids, and summaries that name what exists. */
function consistencyIssues(steps: Step[]): Issue[] {
  const issues: Issue[] = [];
  const stepIds = new Set<string>();
  steps.forEach((step, s) => {
    const at = (...path: (string | number)[]) => ['steps', s, ...path];
    if (stepIds.has(step.id)) issues.push({ message: `duplicate step id "${step.id}"`, path: at('id') });
    stepIds.add(step.id);

    const zones = new Map<string, Zone>();
    step.zones.forEach((zone, z) => {
      if (zones.has(zone.id))
        issues.push({ message: `duplicate zone id "${zone.id}"`, path: at('zones', z) });
      zones.set(zone.id, zone);
      const partIds = zoneCells(zone).map((c) => c.cellId);
      if (new Set(partIds).size !== partIds.length) {
        issues.push({ message: `zone "${zone.id}" repeats a part id`, path: at('zones', z) });
      }
    });

    const voting = step.tools.includes('dot-voting');
    if (voting !== (step.votesPerPerson !== undefined)) {
      issues.push({ message: 'votesPerPerson goes with the dot-voting tool', path: at('votesPerPerson') });
    }

    step.summary.forEach((mapping, m) => {
      const named = mapping.zones.map((id) => zones.get(id));
      mapping.zones.forEach((id, i) => {
        const zone = named[i];
        if (!zone) {
          issues.push({ message: `summary names unknown zone "${id}"`, path: at('summary', m, 'zones', i) });
          return;
        }
        const kinds = formsByKind[mapping.as];
        if (kinds && !kinds.includes(zone.kind)) {
          issues.push({
            message: `summary "${mapping.as}" cannot read a ${zone.kind} zone ("${id}")`,
            path: at('summary', m, 'as'),
          });
        }
      });
      const cells = new Set(named.flatMap((zone) => (zone ? zoneCells(zone).map((c) => c.cellId) : [])));
      mapping.cells?.forEach((cellId, c) => {
        if (!cells.has(cellId)) {
          issues.push({
            message: `summary names unknown cell "${cellId}"`,
            path: at('summary', m, 'cells', c),
          });
        }
      });
    });
  });
  return issues;
}
