import { describe, expect, it } from 'vitest';
import { suggestHost, type HostCandidate } from './host-rotation';

const members: HostCandidate[] = [
  { cityId: 'c-gdy', city: 'Gdynia', membership: 'programme-laureate' },
  { cityId: 'c-lub', city: 'Lublin', membership: 'leader-of-change' },
  { cityId: 'c-elk', city: 'Ełk', membership: 'programme-finalist' },
  { cityId: 'c-obs', city: 'Aleksandrów', membership: 'observer' },
];

describe('host rotation', () => {
  it('suggests the core member city that hosted least often (observers do not host)', () => {
    const hosts = [
      { cityId: 'c-gdy', startsAt: '2027-01-10T10:00' },
      { cityId: 'c-lub', startsAt: '2027-04-10T10:00' },
    ];
    expect(suggestHost(members, hosts)).toEqual({ cityId: 'c-elk', city: 'Ełk', hosted: 0 });
  });

  it('among equals, the city whose turn is longest ago', () => {
    const hosts = [
      { cityId: 'c-gdy', startsAt: '2027-04-10T10:00' },
      { cityId: 'c-lub', startsAt: '2027-01-10T10:00' },
      { cityId: 'c-elk', startsAt: '2027-07-10T10:00' },
    ];
    expect(suggestHost(members, hosts)?.city).toBe('Lublin');
  });

  it('never hosted: by name in Polish order (Ełk before Gdynia)', () => {
    expect(suggestHost(members, [])?.city).toBe('Ełk');
  });

  it('no core member, no suggestion', () => {
    expect(suggestHost([members[3]!], [])).toBeNull();
  });
});
