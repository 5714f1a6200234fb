import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenCodec, type SessionClaims } from './tokens';

const codec = new TokenCodec(randomBytes(32));
const session: SessionClaims = {
  k: 'session',
  b: 'board-1',
  r: 'participant',
  i: 'inv',
  u: 'p1',
  n: 'Ala',
  c: 'Gdynia',
  e: 2_000_000_000,
};

describe('tokens', () => {
  it('round-trips signed claims', () => {
    const token = codec.sign(session);
    expect(codec.verify(token, 1_000)).toEqual({ ok: true, claims: session });
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenCodec(randomBytes(32));
    expect(codec.verify(other.sign(session), 1_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose payload was changed (a participant making themselves facilitator)', () => {
    const [, mac] = codec.sign(session).split('.');
    const forged = Buffer.from(JSON.stringify({ ...session, r: 'facilitator' })).toString('base64url');
    expect(codec.verify(`${forged}.${mac}`, 1_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an expired session', () => {
    expect(codec.verify(codec.sign(session), 2_000_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each(['', 'abc', 'a.b.c', '.x', 'x'.repeat(5000), 'eyJ9.' + 'A'.repeat(43)])(
    'refuses garbage %#',
    (token) => {
      expect(codec.verify(token).ok).toBe(false);
    },
  );

  it('refuses well-signed claims of the wrong shape', () => {
    const weird = codec.sign({ ...session, r: 'mayor' } as unknown as SessionClaims);
    expect(codec.verify(weird, 1_000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('needs a long secret', () => {
    expect(() => new TokenCodec(Buffer.from('short'))).toThrow();
  });
});
