import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseRequestTarget } from './request-target';

const parsed = (raw: string) => {
  const result = parseRequestTarget(raw);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.target;
};

describe('request target', () => {
  it('[H1] reads an origin-form target: path and query, still encoded', () => {
    const target = parsed('/api/boards/b-1/print?paper=a3&x=%C5%BC');
    expect(target.pathname).toBe('/api/boards/b-1/print');
    expect(target.query).toBe('paper=a3&x=%C5%BC');
    expect(target.searchParams.get('paper')).toBe('a3');
    expect(target.searchParams.get('x')).toBe('ż');
  });

  it('[H1] keeps a path that starts with // as a path (not a host)', () => {
    expect(parsed('//evil.example/x').pathname).toBe('//evil.example/x');
    expect(parsed('/').pathname).toBe('/');
    expect(parsed('/?').query).toBe('');
  });

  it('[H1] reads an absolute-form target to its path and query', () => {
    const target = parsed('http://localhost:8080/healthz?a=1');
    expect(target.pathname).toBe('/healthz');
    expect(target.query).toBe('a=1');
    expect(parsed('https://example.org').pathname).toBe('/');
  });

  it.each([
    ['//%', 'broken escape after a double slash'],
    ['/%', 'lone percent'],
    ['/%zz', 'non-hex escape'],
    ['/a%2', 'truncated escape'],
    ['/?q=%', 'broken escape in the query'],
    ['http://[', 'unclosed IPv6 host'],
    ['http://[::1', 'unclosed IPv6 host with address'],
    ['http://localhost:99999/', 'port out of range'],
    ['http://localhost:-1/', 'negative port'],
    ['http://localhost:8o80/', 'port not a number'],
    ['http://a b/', 'space in the host'],
    ['ftp://localhost/', 'another scheme'],
    ['javascript:alert(1)', 'a scheme with no authority'],
    ['*', 'asterisk-form'],
    ['localhost:8080', 'authority-form'],
    ['', 'empty'],
    ['/a\u0000b', 'NUL byte'],
    ['/a\rb', 'carriage return'],
    ['/a b', 'space'],
    ['/\u007f', 'DEL'],
    ['/żółw', 'raw non-ASCII'],
    ['/x#frag', 'a fragment'],
    ['/' + 'a'.repeat(MAX_TARGET_LENGTH), 'too long'],
  ])('[H1] refuses %j (%s) without throwing', (raw) => {
    const result = parseRequestTarget(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\S/);
  });

  it('[H1] refuses a missing target', () => {
    expect(parseRequestTarget(undefined).ok).toBe(false);
  });

  it('[H1] never throws on any short printable or control string (seeded sweep)', () => {
    // A seeded generator: the same 5000 targets every run.
    let seed = 9;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const alphabet = "/%?#[]:@!$&'()*+,;=.-_~azAZ09 \u0000\r\n\u00ffhttp://";
    for (let i = 0; i < 5000; i++) {
      const length = next() % 24;
      let raw = '';
      for (let j = 0; j < length; j++) raw += alphabet[next() % alphabet.length];
      expect(() => parseRequestTarget(raw)).not.toThrow();
      const result = parseRequestTarget(raw);
      if (result.ok) expect(result.target.pathname.startsWith('/')).toBe(true);
    }
  });
});
