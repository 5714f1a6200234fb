import { NETWORK_ROLES, type NetworkPerson } from '@empiria/shared';

/**
 * The people as a facilitator reads the list: those who run the network first (facilitator,
 * experts, organiser), then the cities alphabetically (Polish order), in each city its
 * representatives before its substitutes. Pure.
 */
export function peopleInOrder(people: readonly NetworkPerson[]): NetworkPerson[] {
  const collator = new Intl.Collator('pl');
  const runs = (person: NetworkPerson) =>
    person.role === 'representative' || person.role === 'substitute' ? 1 : 0;
  return [...people].sort(
    (a, b) =>
      runs(a) - runs(b) ||
      (runs(a) === 0 ? NETWORK_ROLES.indexOf(a.role) - NETWORK_ROLES.indexOf(b.role) : 0) ||
      collator.compare(a.city ?? '', b.city ?? '') ||
      NETWORK_ROLES.indexOf(a.role) - NETWORK_ROLES.indexOf(b.role) ||
      collator.compare(a.name, b.name),
  );
}
