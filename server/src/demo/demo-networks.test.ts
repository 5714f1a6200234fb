import { describe, expect, it } from 'vitest';
import { emailSchema, MAX_REPRESENTATIVES, MIN_REPRESENTATIVES } from '@empiria/shared';
import { DEMO_NETWORKS, demoEmail, demoPeople } from './demo-networks';
import { warsawInstant } from './load-demo';

describe('the demo networks', () => {
  it('are the eight networks of vademecum II.8, each of 10–15 cities with every kind of membership', () => {
    expect(DEMO_NETWORKS).toHaveLength(8);
    for (const network of DEMO_NETWORKS) {
      expect(network.cities.length).toBeGreaterThanOrEqual(10);
      expect(network.cities.length).toBeLessThanOrEqual(15);
      expect(new Set(network.cities.map((c) => c.name)).size).toBe(network.cities.length);
      expect(new Set(network.cities.map((c) => c.membership))).toEqual(
        new Set(['leader-of-change', 'programme-laureate', 'programme-finalist', 'observer']),
      );
      expect(network.barriers.length).toBeGreaterThan(0);
    }
  });

  it('give each network its pair, an organiser and 2–3 representatives per city, every e-mail valid and unique', () => {
    const emails = DEMO_NETWORKS.flatMap((network, i) => demoPeople(network, i).map((p) => p.email));
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(emailSchema.safeParse(email).success).toBe(true);
      expect(email.endsWith('@example.pl')).toBe(true);
    }
    DEMO_NETWORKS.forEach((network, i) => {
      const people = demoPeople(network, i);
      expect(people.filter((p) => p.role === 'facilitator')).toHaveLength(1);
      expect(people.filter((p) => p.role === 'expert')).toHaveLength(1);
      expect(people.filter((p) => p.role === 'organiser')).toHaveLength(1);
      for (const member of network.cities) {
        const count = people.filter((p) => p.city === member.name).length;
        expect(count).toBeGreaterThanOrEqual(MIN_REPRESENTATIVES);
        expect(count).toBeLessThanOrEqual(MAX_REPRESENTATIVES);
      }
    });
    expect(demoEmail('Łukasz Stępień', 7)).toBe('lukasz.stepien.7@example.pl');
  });

  it('reads Warsaw wall-clock times in winter and in summer', () => {
    expect(warsawInstant('2027-01-15T10:00').toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(warsawInstant('2027-07-15T10:00').toISOString()).toBe('2027-07-15T08:00:00.000Z');
  });
});
