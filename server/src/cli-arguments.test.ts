import { describe, expect, it } from 'vitest';
import { parseArguments } from './cli-arguments';

describe('the empiria command line', () => {
  it('takes export --out and import --in, with the file relative to where it runs', () => {
    expect(parseArguments(['export', '--out', 'backup.gz'], '/srv')).toEqual({
      action: 'export',
      file: '/srv/backup.gz',
    });
    expect(parseArguments(['import', '--in', '/tmp/a.gz'], '/srv')).toEqual({
      action: 'import',
      file: '/tmp/a.gz',
    });
    expect(parseArguments([])).toBe('help');
    expect(parseArguments(['export', '--help'])).toBe('help');
  });

  it('refuses anything else, saying what it takes', () => {
    expect(() => parseArguments(['backup'])).toThrow('unknown command: backup');
    expect(() => parseArguments(['export', '--in', 'a.gz'])).toThrow('empiria export takes --out <file>');
    expect(() => parseArguments(['import', '--in'])).toThrow('empiria import takes --in <file>');
    expect(() => parseArguments(['import', '--in', 'a.gz', 'b.gz'])).toThrow(
      'empiria import takes --in <file>',
    );
  });
});
