import { describe, expect, it } from 'vitest';
import { PageRecordType } from '@tldraw/tlschema';
import { indexKey } from './index-keys';

describe('indexKey', () => {
  const keys = Array.from({ length: 400 }, (_, i) => indexKey(i));

  it('ascends strictly, past the one-character keys', () => {
    expect(keys.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
    expect(keys[60]).toBe('az');
    expect(keys[61]).toBe('b00');
    keys.slice(1).forEach((key, i) => expect(key > keys[i]!, `${keys[i]} < ${key}`).toBe(true));
  });

  it('gives keys tldraw accepts', () => {
    for (const index of keys) {
      expect(() => PageRecordType.validate(PageRecordType.create({ name: 'p', index }))).not.toThrow();
    }
  });
});
