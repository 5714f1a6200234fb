import { describe, expect, it } from 'vitest';
import { checkMerge, personResolver, type PersonLink } from './person-links';

const person = (id: string, extra: Partial<PersonLink> = {}): PersonLink => ({
  id,
  role: 'participant',
  mergedInto: null,
  removed: false,
  ...extra,
});

describe('who a person id stands for', () => {
  it('[I2] a merged alias stands for the person it was merged into', () => {
    const resolve = personResolver([person('ala'), person('ala-phone', { mergedInto: 'ala' })]);
    expect(resolve('ala')).toBe('ala');
    expect(resolve('ala-phone')).toBe('ala');
  });

  it('[I3] a removed person, an alias of a removed person and an unknown id stand for nobody', () => {
    const resolve = personResolver([
      person('troll', { removed: true }),
      person('troll-2', { mergedInto: 'troll' }),
      person('loop-a', { mergedInto: 'loop-b' }),
      person('loop-b', { mergedInto: 'loop-a' }),
    ]);
    expect(resolve('troll')).toBeNull();
    expect(resolve('troll-2')).toBeNull();
    expect(resolve('nobody')).toBeNull();
    expect(resolve('loop-a')).toBeNull();
  });

  it('[I2] merges link two different living people of the same role, naming who is linked', () => {
    const links = [
      person('ala'),
      person('ala-phone'),
      person('ala-tablet', { mergedInto: 'ala-phone' }),
      person('fela', { role: 'facilitator' }),
      person('gone', { removed: true }),
    ];
    expect(checkMerge(links, 'ala-tablet', 'ala')).toEqual({ ok: true, alias: 'ala-phone', target: 'ala' });
    expect(checkMerge(links, 'ala-tablet', 'ala-phone')).toMatchObject({ ok: false, code: 'same_person' });
    expect(checkMerge(links, 'fela', 'ala')).toMatchObject({ ok: false, code: 'different_roles' });
    expect(checkMerge(links, 'gone', 'ala')).toMatchObject({ ok: false, code: 'person_removed' });
    expect(checkMerge(links, 'ala', 'gone')).toMatchObject({ ok: false, code: 'person_removed' });
    expect(checkMerge(links, 'ala', 'who')).toMatchObject({ ok: false, code: 'not_found' });
  });
});
