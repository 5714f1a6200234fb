import { describe, expect, it } from 'vitest';
import { metaWith, noteAuthorOf, privateRoundOf } from '@empiria/shared';
import { isLocalOnlyRecord, withAuthor } from './note-meta';

const anna = { id: 'p1', name: 'Anna', city: 'Lublin' };

describe('note meta', () => {
  it('stamps the author once, keeping the zone', () => {
    const meta = withAuthor({ empiria: { zone: { stepId: 's', zoneId: 'z' } } }, anna);
    expect(meta).toEqual({ empiria: { zone: { stepId: 's', zoneId: 'z' }, author: anna } });
    expect(noteAuthorOf({ meta })).toEqual(anna);
    // A copy of Jan's note stays Jan's.
    const jans = { empiria: { author: { id: 'p2', name: 'Jan', city: 'Gdańsk' } } };
    expect(withAuthor(jans, anna)).toBe(jans);
    expect(noteAuthorOf({ meta: {} })).toBeNull();
  });

  it('marks private notes local-only until the mark is removed', () => {
    const meta = metaWith(withAuthor({}, anna), { private: 'r1' });
    expect(privateRoundOf({ meta })).toBe('r1');
    expect(isLocalOnlyRecord({ typeName: 'shape', meta })).toBe(true);
    expect(isLocalOnlyRecord({ typeName: 'instance', meta })).toBe(false);
    const shared = metaWith(meta, { private: undefined });
    expect(shared).toEqual({ empiria: { author: anna } });
    expect(isLocalOnlyRecord({ typeName: 'shape', meta: shared })).toBe(false);
    expect(isLocalOnlyRecord(undefined)).toBe(false);
  });
});
