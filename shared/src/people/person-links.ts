import type { Role } from '../roles';

/**
 * How the people of a board are linked once the facilitator has tidied the list: a person merged
 * into another is an alias of that person (the same human on a second device), a removed person
 * is no one. Votes, approvals and sessions all ask the same question — "who, if anyone, does this
 * id stand for?" — and get the answer from `personResolver` (docs/permissions.md, [I2]–[I4]).
 */
export interface PersonLink {
  id: string;
  role: Role;
  mergedInto: string | null;
  removed: boolean;
}

/** The id that counts for a person id, or null when nobody counts for it. */
export type PersonResolver = (personId: string) => string | null;

/**
 * Follows aliases to the person they were merged into. Null for an unknown id, for a removed
 * person and for an alias whose person was removed: they speak for nobody. A chain that loops
 * (never written by the store, but the data is on disk) also resolves to nobody.
 */
export function personResolver(links: readonly PersonLink[]): PersonResolver {
  const byId = new Map(links.map((link) => [link.id, link]));
  return (personId) => {
    const seen = new Set<string>();
    let current = byId.get(personId);
    while (current) {
      if (current.removed || seen.has(current.id)) return null;
      if (current.mergedInto === null) return current.id;
      seen.add(current.id);
      current = byId.get(current.mergedInto);
    }
    return null;
  };
}

export type MergeCheck =
  | { ok: true; alias: string; target: string }
  | { ok: false; code: 'same_person' | 'different_roles' | 'person_removed' | 'not_found'; message: string };

/**
 * May `aliasId` become an alias of `targetId`? Both must still count for someone, for different
 * people, of the same role: a merge must never hand one link's rights to another's holder. The
 * answer names the people actually linked (an alias's own person).
 */
export function checkMerge(links: readonly PersonLink[], aliasId: string, targetId: string): MergeCheck {
  const resolve = personResolver(links);
  const known = new Map(links.map((link) => [link.id, link]));
  if (!known.has(aliasId) || !known.has(targetId)) {
    return { ok: false, code: 'not_found', message: 'No such person on this board.' };
  }
  const alias = resolve(aliasId);
  const target = resolve(targetId);
  if (alias === null || target === null) {
    return { ok: false, code: 'person_removed', message: 'A removed person cannot be merged.' };
  }
  if (alias === target) {
    return { ok: false, code: 'same_person', message: 'These are already the same person.' };
  }
  if (known.get(alias)?.role !== known.get(target)?.role) {
    return {
      ok: false,
      code: 'different_roles',
      message: 'Only people who joined with the same link (role) can be merged.',
    };
  }
  return { ok: true, alias, target };
}
