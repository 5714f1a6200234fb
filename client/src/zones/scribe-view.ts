import type { LocalizedText } from '@empiria/formats';
import type { ScribeTarget } from './scribe-targets';

/** The scribe's list of a sheet's targets, grouped under their zone when the zone has cells. */
export interface TargetGroup {
  zoneId: string;
  /** The zone's label as a heading; null for an area (the target itself carries it). */
  heading: LocalizedText | null;
  targets: ScribeTarget[];
}

export function groupTargets(targets: readonly ScribeTarget[]): TargetGroup[] {
  const groups: TargetGroup[] = [];
  for (const target of targets) {
    const last = groups.at(-1);
    if (target.cellId !== null && last && last.zoneId === target.zoneId && last.heading) {
      last.targets.push(target);
      continue;
    }
    groups.push({
      zoneId: target.zoneId,
      heading: target.cellId === null ? null : target.zoneLabel,
      targets: [target],
    });
  }
  return groups;
}

/** A target's own name: its cell's label, or its zone's for an area. */
export function targetLabel(target: ScribeTarget): LocalizedText {
  return target.cellLabel ?? target.zoneLabel;
}

/** A note count per target (by number), from the zones the notes record. */
export function countByTarget(
  targets: readonly ScribeTarget[],
  zones: Iterable<{ stepId: string; zoneId: string; cellId?: string } | null>,
): Record<number, number> {
  const byKey = new Map(targets.map((t) => [`${t.stepId}|${t.zoneId}|${t.cellId ?? ''}`, t.number]));
  const counts: Record<number, number> = {};
  for (const zone of zones) {
    if (!zone) continue;
    const number = byKey.get(`${zone.stepId}|${zone.zoneId}|${zone.cellId ?? ''}`);
    if (number !== undefined) counts[number] = (counts[number] ?? 0) + 1;
  }
  return counts;
}
