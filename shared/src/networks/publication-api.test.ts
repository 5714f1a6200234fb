import { describe, expect, it } from 'vitest';
import type { NetworkActor } from './network-permissions';
import { mayPublishNetwork, mayViewPublication, publicationRequestSchema } from './publication-api';

const person = (
  role: Extract<NetworkActor, { kind: 'person' }>['role'],
  networkId = 'net-1',
): NetworkActor => ({
  kind: 'person',
  networkId,
  personId: 'p-1',
  role,
});

describe('who opens a network’s public page [PUB1]', () => {
  it('the pair and the office switch it; the organiser only sees it; the cities neither', () => {
    const expected: [NetworkActor, boolean, boolean][] = [
      [{ kind: 'office' }, true, true],
      [person('facilitator'), true, true],
      [person('expert'), true, true],
      [person('organiser'), false, true],
      [person('representative'), false, false],
      [person('substitute'), false, false],
    ];
    for (const [actor, publish, view] of expected) {
      expect([mayPublishNetwork(actor, 'net-1'), mayViewPublication(actor, 'net-1')]).toEqual([
        publish,
        view,
      ]);
    }
  });

  it("another network's facilitator does nothing here [N5]", () => {
    expect(mayPublishNetwork(person('facilitator', 'net-2'), 'net-1')).toBe(false);
    expect(mayViewPublication(person('facilitator', 'net-2'), 'net-1')).toBe(false);
  });

  it('the switch takes a boolean and nothing else', () => {
    expect(publicationRequestSchema.safeParse({ public: true }).success).toBe(true);
    expect(publicationRequestSchema.safeParse({ public: 'yes' }).success).toBe(false);
    expect(publicationRequestSchema.safeParse({ public: false, extra: 1 }).success).toBe(false);
    expect(publicationRequestSchema.safeParse({}).success).toBe(false);
  });
});
