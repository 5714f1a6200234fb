import { ROLES } from '@empiria/shared';
import type { PersonEntry, Role } from '@empiria/shared';

/** One row of the facilitator's list: a person and the other devices merged into them. */
export interface PersonRow {
  person: PersonEntry;
  aliases: PersonEntry[];
}

export interface RoleGroup {
  role: Role;
  rows: PersonRow[];
}

/**
 * The facilitator's list as it reads ([I2]): the people who count, grouped by the link they came
 * through (in the order of the roles), each with the devices merged into them; removed entries
 * apart, at the end.
 */
export function peopleByLink(people: readonly PersonEntry[]): {
  groups: RoleGroup[];
  removed: PersonEntry[];
} {
  const aliases = new Map<string, PersonEntry[]>();
  for (const person of people) {
    if (person.status === 'merged' && person.mergedInto) {
      aliases.set(person.mergedInto, [...(aliases.get(person.mergedInto) ?? []), person]);
    }
  }
  const groups = ROLES.map((role) => ({
    role,
    rows: people
      .filter((person) => person.role === role && person.status === 'active')
      .map((person) => ({ person, aliases: aliases.get(person.id) ?? [] })),
  })).filter((group) => group.rows.length > 0);
  return { groups, removed: people.filter((person) => person.status === 'removed') };
}

/** Whom a person may be merged into: the others who count and came through the same link. */
export function mergeCandidates(people: readonly PersonEntry[], personId: string): PersonEntry[] {
  const person = people.find((p) => p.id === personId);
  if (!person) return [];
  return people.filter((p) => p.id !== personId && p.status === 'active' && p.role === person.role);
}

/** When someone joined, as the list says it: the time today, the date and time on another day. */
export function joinTime(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso);
  const locale = language === 'pl' ? 'pl-PL' : 'en-GB';
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
