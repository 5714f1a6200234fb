import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCanonicalBase64url, TokenCodec, type SessionClaims } from './tokens';

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

  describe('canonical encoding', () => {
    const token = codec.sign(session);
    const [payload, mac] = token.split('.') as [string, string];

    it.each([
      ['a trailing =', `${token}=`],
      ['a trailing ==', `${token}==`],
      ['a trailing !', `${token}!`],
      ['a trailing space', `${token} `],
      ['a standard-base64 +', `${payload}.${mac.slice(0, -1)}+`],
      [
        'the MAC padded to a multiple of 4',
        `${payload}.${mac}${'='.repeat((4 - (mac.length % 4)) % 4 || 4)}`,
      ],
      ['a MAC one character longer', `${payload}.${mac}A`],
      ['a padded payload', `${payload}=.${mac}`],
    ])('[T1] refuses a MAC or payload with %s', (_case, forged) => {
      expect(codec.verify(forged, 1_000).ok).toBe(false);
    });

    it('[T1] refuses a MAC whose last character differs only in the unused low bits', () => {
      // 32 bytes encode to 43 characters; the last one carries 4 bits and 2 unused ones.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(mac.slice(-1));
      const sibling = alphabet[last ^ 1] as string;
      const forged = `${payload}.${mac.slice(0, -1)}${sibling}`;
      expect(Buffer.from(forged.split('.')[1] as string, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
      expect(codec.verify(forged, 1_000).ok).toBe(false);
    });

    it('[T1] decodes only canonical base64url', () => {
      expect(decodeCanonicalBase64url('AQID')).toEqual(Buffer.from([1, 2, 3]));
      expect(decodeCanonicalBase64url('AQI')).toEqual(Buffer.from([1, 2]));
      for (const text of ['', 'A', 'AQI=', 'AQJ', 'AQ!D', 'A+/B', 'AQ ID', 'AQID\n']) {
        expect(decodeCanonicalBase64url(text)).toBeNull();
      }
    });
  });

  it('needs a long secret', () => {
    expect(() => new TokenCodec(Buffer.from('short'))).toThrow();
  });
});
