import { describe, expect, it } from 'vitest';
import type { NetworkPerson } from '@empiria/shared';
import { peopleInOrder } from './people-order';

const person = (name: string, role: NetworkPerson['role'], city: string | null): NetworkPerson => ({
  id: `id-${name}-xyz`,
  name,
  role,
  city,
  email: null,
  link: null,
});

describe('people in reading order', () => {
  it('puts those who run the network first, then cities in Polish order, representatives before substitutes', () => {
    const ordered = peopleInOrder([
      person('Zofia', 'substitute', 'Łódź'),
      person('Adam', 'representative', 'Łódź'),
      person('Ola', 'organiser', null),
      person('Ewa', 'representative', 'Ełk'),
      person('Fela', 'facilitator', null),
      person('Bogdan', 'representative', 'Lublin'),
      person('Ela', 'expert', 'Kraków'),
    ]);
    expect(ordered.map((entry) => entry.name)).toEqual([
      'Fela',
      'Ela',
      'Ola',
      'Ewa',
      'Bogdan',
      'Adam',
      'Zofia',
    ]);
  });
});
