import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const load = (env: Record<string, string>) => loadConfig(env, '/tmp/client').smtp;

describe('SMTP configuration', () => {
  it('is off without SMTP_URL or SMTP_HOST', () => {
    expect(load({})).toBeNull();
  });

  it('reads SMTP_URL with its user, password (percent-decoded) and port', () => {
    expect(
      load({
        SMTP_URL: 'smtp://biuro%40zmp.pl:ha%3Bs%C5%82o@poczta.zmp.pl:2525',
        SMTP_FROM: 'ZMP <sieci@zmp.pl>',
      }),
    ).toEqual({
      host: 'poczta.zmp.pl',
      port: 2525,
      secure: false,
      user: 'biuro@zmp.pl',
      pass: 'ha;sło',
      from: 'ZMP <sieci@zmp.pl>',
    });
  });

  it('smtps:// is TLS from the first byte on 465; SMTP_SECURE overrides', () => {
    expect(load({ SMTP_URL: 'smtps://poczta.zmp.pl' })).toMatchObject({
      port: 465,
      secure: true,
      user: null,
    });
    expect(load({ SMTP_URL: 'smtp://poczta.zmp.pl', SMTP_SECURE: '1' })).toMatchObject({
      port: 465,
      secure: true,
    });
  });

  it('reads SMTP_HOST and its companions, with a default sender', () => {
    expect(load({ SMTP_HOST: 'localhost', SMTP_PORT: '1025', SMTP_USER: 'u', SMTP_PASS: 'p' })).toEqual({
      host: 'localhost',
      port: 1025,
      secure: false,
      user: 'u',
      pass: 'p',
      from: 'Empiria <empiria@localhost>',
    });
  });

  it('refuses an SMTP_URL of another scheme, naming the variable', () => {
    expect(() => load({ SMTP_URL: 'http://poczta.zmp.pl' })).toThrow(ConfigError);
    expect(() => load({ SMTP_URL: 'http://poczta.zmp.pl' })).toThrow(/SMTP_URL/);
    expect(() => load({ SMTP_PORT: 'abc', SMTP_HOST: 'x' })).toThrow(/SMTP_PORT/);
  });
});
