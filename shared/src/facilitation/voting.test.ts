import { describe, expect, it } from 'vitest';
import { checkBallot, countedBallots, rankTargets, voteSettingsSchema, type Ballot } from './voting';

const settings = voteSettingsSchema.parse({ targets: ['shape:a', 'shape:b', 'shape:c'], votesPerPerson: 3 });

describe('dot voting rules', () => {
  it('enforces the number of votes per person and one per item by default', () => {
    const ballots: Ballot[] = [
      { voterId: 'ala', targetId: 'shape:a' },
      { voterId: 'ala', targetId: 'shape:b' },
    ];
    expect(checkBallot(settings, 'open', ballots, 'ala', 'shape:c')).toEqual({ ok: true });
    expect(checkBallot(settings, 'open', ballots, 'ala', 'shape:a')).toMatchObject({
      ok: false,
      code: 'one_per_item',
    });
    const full = [...ballots, { voterId: 'ala', targetId: 'shape:c' }];
    expect(checkBallot(settings, 'open', full, 'ala', 'shape:c')).toMatchObject({
      ok: false,
      code: 'no_votes_left',
    });
    expect(checkBallot(settings, 'open', full, 'bartek', 'shape:a')).toEqual({ ok: true });
  });

  it('allows several dots on one item when the facilitator says so', () => {
    const stacked = { ...settings, multiplePerItem: true };
    const ballots: Ballot[] = [{ voterId: 'ala', targetId: 'shape:a' }];
    expect(checkBallot(stacked, 'open', ballots, 'ala', 'shape:a')).toEqual({ ok: true });
  });

  it('refuses closed votes and items outside the vote', () => {
    expect(checkBallot(settings, 'closed', [], 'ala', 'shape:a')).toMatchObject({ code: 'vote_closed' });
    expect(checkBallot(settings, 'open', [], 'ala', 'shape:zzz')).toMatchObject({ code: 'not_a_target' });
  });

  it('ranks by votes; ties share a place and keep the sheet order', () => {
    const ballots = ['shape:c', 'shape:c', 'shape:a', 'shape:b'].map((targetId, i) => ({
      voterId: `v${i}`,
      targetId,
    }));
    expect(rankTargets(settings, ballots)).toEqual([
      { targetId: 'shape:c', votes: 2, place: 1 },
      { targetId: 'shape:a', votes: 1, place: 2 },
      { targetId: 'shape:b', votes: 1, place: 2 },
    ]);
  });

  it('names voters only in a named vote', () => {
    const named = { ...settings, anonymous: false };
    const voter = { id: 'ala', name: 'Ala', city: 'Gdynia' };
    const ranking = rankTargets(named, [{ voterId: 'ala', targetId: 'shape:b', voter }]);
    expect(ranking[0]).toEqual({ targetId: 'shape:b', votes: 1, place: 1, voters: [voter] });
    expect(ranking[1]?.voters).toEqual([]);
  });
});

describe('which dots count', () => {
  const voter = (id: string) => ({ id, name: id, city: 'X' });
  const people: Record<string, string | null> = {
    ala: 'ala',
    'ala-phone': 'ala',
    bartek: 'bartek',
    troll: null,
  };
  const resolve = (id: string) => {
    const person = people[id];
    return person ? voter(person) : null;
  };

  it("[I4] a merged alias's dots are its person's, held to one per item and the limit", () => {
    const ballots: (Ballot & { voter: ReturnType<typeof voter> })[] = [
      { voterId: 'ala', targetId: 'shape:a', voter: voter('ala') },
      { voterId: 'ala', targetId: 'shape:b', voter: voter('ala') },
      { voterId: 'ala-phone', targetId: 'shape:a', voter: voter('ala-phone') },
      { voterId: 'ala-phone', targetId: 'shape:c', voter: voter('ala-phone') },
      { voterId: 'ala-phone', targetId: 'shape:b', voter: voter('ala-phone') },
      { voterId: 'bartek', targetId: 'shape:a', voter: voter('bartek') },
    ];
    const counted = countedBallots(settings, ballots, resolve);
    expect(counted.map((b) => `${b.voterId}>${b.targetId}`)).toEqual([
      'ala>shape:a',
      'ala>shape:b',
      'ala>shape:c',
      'bartek>shape:a',
    ]);
    expect(rankTargets(settings, counted).map((e) => [e.targetId, e.votes])).toEqual([
      ['shape:a', 2],
      ['shape:b', 1],
      ['shape:c', 1],
    ]);
    const tight = { ...settings, votesPerPerson: 2, multiplePerItem: true };
    expect(countedBallots(tight, ballots, resolve).filter((b) => b.voterId === 'ala')).toHaveLength(2);
  });

  it("[I4] a removed person's dots count for nobody", () => {
    const ballots: Ballot[] = [
      { voterId: 'troll', targetId: 'shape:c' },
      { voterId: 'bartek', targetId: 'shape:a' },
    ];
    const counted = countedBallots(settings, ballots, resolve);
    expect(counted).toEqual([{ voterId: 'bartek', targetId: 'shape:a' }]);
  });
});
