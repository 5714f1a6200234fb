import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccessResolver } from './access';
import { TokenCodec, type SessionClaims } from './tokens';

/**
 * [N12] A board session made from home names its personal link and lives only as long as the link;
 * a session without that claim (from a board invite, or issued before the claim existed) does not
 * ask about personal links at all.
 */
const codec = new TokenCodec(randomBytes(32));
const fromInvite: SessionClaims = {
  k: 'session',
  b: 'board-1',
  r: 'participant',
  i: 'invite-1',
  u: 'p1',
  n: 'Ala',
  c: 'Gdynia',
  e: 2_000_000_000,
};
const fromHome: SessionClaims = { ...fromInvite, h: { w: 'net-1', u: 'person-1', i: 'link-1' } };

function resolverWith(activeLinks: Set<string>, asked: string[] = []) {
  return new AccessResolver(
    codec,
    'a'.repeat(40),
    () => true,
    () => true,
    (link, network, person) => {
      asked.push(`${link}/${network}/${person}`);
      return activeLinks.has(link);
    },
  );
}

describe('[N12] sessions made from a personal link', () => {
  it('the claim survives signing, and an old token without it still verifies', async () => {
    expect(codec.verify(codec.sign(fromHome), 1_000)).toEqual({ ok: true, claims: fromHome });
    expect(codec.verify(codec.sign(fromInvite), 1_000)).toEqual({ ok: true, claims: fromInvite });
  });

  it('counts while its link is active and is revoked once the link is not', async () => {
    const active = new Set(['link-1']);
    const asked: string[] = [];
    const resolver = resolverWith(active, asked);
    expect(await resolver.resolve(codec.sign(fromHome))).toMatchObject({
      ok: true,
      access: { kind: 'session' },
    });
    expect(asked).toEqual(['link-1/net-1/person-1']);
    active.delete('link-1');
    expect(await resolver.resolve(codec.sign(fromHome))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('a session from a board invite does not depend on any personal link', async () => {
    const asked: string[] = [];
    const resolver = resolverWith(new Set(), asked);
    expect(await resolver.resolve(codec.sign(fromInvite))).toMatchObject({ ok: true });
    expect(asked).toEqual([]);
  });
});
