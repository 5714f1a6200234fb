import { describe, expect, it } from 'vitest';
import type { RecordsDiff, TLRecord } from 'tldraw';
import { isEmptyDiff, withoutLocalOnly } from '../canvas/record-sync';
import { isLocalOnlyRecord } from '../notes/note-meta';

const note = (id: string, meta: object) =>
  ({ id, typeName: 'shape', type: 'note', meta }) as unknown as TLRecord;

describe('private notes never enter the shared canvas document', () => {
  const secret = note('shape:secret', { empiria: { private: 'r1' } });
  const shared = note('shape:shared', { empiria: {} });

  it('drops local-only records from every part of a local diff', () => {
    const diff = {
      added: { [secret.id]: secret, [shared.id]: shared },
      updated: { [secret.id]: [secret, secret] },
      removed: { [secret.id]: secret },
    } as unknown as RecordsDiff<TLRecord>;
    const out = withoutLocalOnly(diff, isLocalOnlyRecord);
    expect(Object.keys(out.added)).toEqual([shared.id]);
    expect(out.updated).toEqual({});
    expect(out.removed).toEqual({});
    expect(
      isEmptyDiff(withoutLocalOnly({ ...diff, added: { [secret.id]: secret } } as never, isLocalOnlyRecord)),
    ).toBe(true);
  });

  it('writes a note that stopped being private (published after its round)', () => {
    const diff = {
      added: {},
      updated: { [secret.id]: [secret, shared] },
      removed: {},
    } as unknown as RecordsDiff<TLRecord>;
    expect(Object.keys(withoutLocalOnly(diff, isLocalOnlyRecord).updated)).toEqual([secret.id]);
  });
});
