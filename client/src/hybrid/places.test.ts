import { describe, expect, it } from 'vitest';
import { isHybrid, onlineHands, placesFromAwareness, samePlaces } from './places';

const user = (id: string) => ({ id, name: id, city: 'Gdynia', role: 'participant', color: '#1b6ca8' });

describe('who is where', () => {
  it('reads each person’s place from awareness, skipping states without a stamped identity', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('ala'), where: 'room' }],
      [2, { user: user('jan'), where: 'online' }],
      [3, { user: user('ola') }],
      [4, { where: 'room' }],
      [5, { user: user('ela'), where: 'moon' }],
      [6, { user: user('ala'), where: 'online' }],
    ]);
    expect(placesFromAwareness(states)).toEqual({ ala: 'room', jan: 'online' });
  });

  it('calls a meeting hybrid when some are in the room and some online', () => {
    expect(isHybrid({ a: 'room', b: 'online' })).toBe(true);
    expect(isHybrid({ a: 'room', b: 'room' })).toBe(false);
    expect(isHybrid({})).toBe(false);
  });

  it('picks the raised hands of online people, oldest first as queued', () => {
    const hands = [
      { personId: 'ala', name: 'Ala', city: 'Gdynia', raisedAt: 1 },
      { personId: 'jan', name: 'Jan', city: 'Gdańsk', raisedAt: 2 },
      { personId: 'ola', name: 'Ola', city: 'Sopot', raisedAt: 3 },
    ];
    expect(onlineHands(hands, { ala: 'room', jan: 'online', ola: 'online' }).map((h) => h.personId)).toEqual([
      'jan',
      'ola',
    ]);
  });

  it('compares place maps', () => {
    expect(samePlaces({ a: 'room' }, { a: 'room' })).toBe(true);
    expect(samePlaces({ a: 'room' }, { a: 'online' })).toBe(false);
    expect(samePlaces({ a: 'room' }, { a: 'room', b: 'room' })).toBe(false);
  });
});
