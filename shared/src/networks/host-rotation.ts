import { isCoreMembership, type MembershipType } from './network-api';

/**
 * Where the next in-person meeting should be (vademecum: in-person meetings rotate between member
 * cities): the core member city that hosted least often; among equals, the one whose last turn is
 * longest ago (never is longest), then by name in Polish order so the suggestion is stable.
 * Observer cities do not host.
 */
export interface HostCandidate {
  cityId: string;
  city: string;
  membership: MembershipType;
}

/** One earlier meeting's host and when it met (`2027-03-15T10:00`, Warsaw time). */
export interface PastHost {
  cityId: string;
  startsAt: string;
}

export function suggestHost(
  members: readonly HostCandidate[],
  hosts: readonly PastHost[],
): { cityId: string; city: string; hosted: number } | null {
  const stats = members
    .filter((member) => isCoreMembership(member.membership))
    .map((member) => {
      const turns = hosts.filter((host) => host.cityId === member.cityId).map((host) => host.startsAt);
      return { ...member, hosted: turns.length, last: turns.sort().at(-1) ?? '' };
    });
  stats.sort(
    (a, b) =>
      a.hosted - b.hosted ||
      (a.last < b.last ? -1 : a.last > b.last ? 1 : 0) ||
      a.city.localeCompare(b.city, 'pl'),
  );
  const best = stats[0];
  return best ? { cityId: best.cityId, city: best.city, hosted: best.hosted } : null;
}
