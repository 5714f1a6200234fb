import { describe, expect, it } from 'vitest';
import { archivedPathSchema, decodeValue, encodeValue, rowSchema } from './archive-format';
import type { ColumnLayout } from './table-layout';

const columns: ColumnLayout[] = [
  { name: 'id', type: 'text', notNull: true },
  { name: 'seq', type: 'integer', notNull: true },
  { name: 'x', type: 'real', notNull: false },
  { name: 'data', type: 'blob', notNull: false },
];

describe('the archive format', () => {
  it('takes a row of exactly its columns, each of its type, null only where allowed', () => {
    const schema = rowSchema(columns);
    expect(schema.safeParse(['a', 1, 0.5, 'AQID']).success).toBe(true);
    expect(schema.safeParse(['a', 1, null, null]).success).toBe(true);
    const messages = (row: unknown) => schema.safeParse(row).error?.issues.map((issue) => issue.message);
    expect(messages(['a', 1, null])).toEqual(['3 values for 4 columns']);
    expect(messages([null, 1.5, 'x', '!!'])).toEqual([
      expect.stringMatching(/^column id \(text, not null\): null/),
      expect.stringMatching(/^column seq \(integer, not null\): number/),
      expect.stringMatching(/^column x \(real\): string/),
      expect.stringMatching(/^column data \(blob\): string/),
    ]);
    expect(messages(['a', 2 ** 60, null, null])).toHaveLength(1);
  });

  it('encodes what either engine reads, and refuses what a column cannot hold', () => {
    const [id, seq, x, data] = columns as [ColumnLayout, ColumnLayout, ColumnLayout, ColumnLayout];
    expect(encodeValue('t', seq, 42n)).toBe(42);
    expect(encodeValue('t', id, new Date('2026-11-30T08:00:00.123Z'))).toBe('2026-11-30T08:00:00.123Z');
    expect(encodeValue('t', data, new Uint8Array([1, 2, 3]))).toBe('AQID');
    expect(decodeValue(data, 'AQID')).toEqual(Buffer.from([1, 2, 3]));
    expect(encodeValue('t', x, null)).toBeNull();
    expect(() => encodeValue('t', seq, 2n ** 60n)).toThrow(
      't.seq holds the bigint 1152921504606846976, not integer',
    );
    expect(() => encodeValue('t', seq, 'abc')).toThrow('t.seq holds the string abc, not integer');
    expect(() => encodeValue('t', x, Number.NaN)).toThrow('not real');
  });

  it('names only files under the upload folders, or the secrets, and nothing that climbs out', () => {
    const ok = (value: string) => archivedPathSchema.safeParse(value).success;
    expect(ok('photos/p1.png')).toBe(true);
    expect(ok('network-documents/ab/cd')).toBe(true);
    expect(ok('secret')).toBe(true);
    expect(ok('admin-token')).toBe(true);
    for (const bad of [
      'photos/../secret',
      'photos/../../etc/passwd',
      '/etc/passwd',
      'photos',
      'photos/',
      'photos//a',
      'empiria.sqlite',
      'photos/a\\..\\b',
      'documents-engine',
    ]) {
      expect(ok(bad), bad).toBe(false);
    }
  });
});
