import { describe, expect, it } from 'vitest';
import {
  carriedOf,
  clusterMetaOf,
  isTemplateRecord,
  metaWith,
  metaWithoutMalformed,
  noteAuthorOf,
  noteZoneOf,
  privateRoundOf,
  recordMeta,
  recordMetaField,
  recordMetaProblem,
  templateMetaOf,
  withRecordMeta,
} from './record-meta';

const anna = { id: 'p1', name: 'Anna', city: 'Lublin' };
const template = {
  kind: 'template',
  formatId: 'format-2',
  formatVersion: 1,
  stepId: 'barriers',
  part: 'zone',
  zoneId: 'barriers',
};
const shape = (empiria: unknown, other: Record<string, unknown> = {}) => ({ meta: { ...other, empiria } });

describe('recordMetaProblem: the one rule for a stored meta.empiria', () => {
  it('accepts every key the app writes, as it writes them', () => {
    const written = [
      template,
      { ...template, part: 'cell', partId: 'top-1.call' },
      { author: anna, zone: { stepId: 'barriers', zoneId: 'barriers' } },
      { author: anna, private: 'round-1' },
      { author: anna, privateRound: 'round-1', zone: { stepId: 's', zoneId: 'z', cellId: 'c.1' } },
      { agendaItem: true, zone: { stepId: 'welcome', zoneId: 'agenda' } },
      { cluster: { name: 'Brak danych' }, zone: { stepId: 'grouping', zoneId: 'clusters' } },
      { carried: { from: [{ stepId: 'barriers', zoneId: 'barriers', cluster: 'Ludzie', votes: 2 }] } },
      { carried: { from: [], copyOf: { id: 'shape:a', stepId: 'vote', zoneId: 'ideas', place: 1 } } },
      { source: 'room', author: anna },
      { field: true, zone: { stepId: 'case', zoneId: 'case', cellId: 'card-1.title' } },
      {
        field: true,
        broughtFrom: { meetingId: 'm1', meetingTitle: 'Spotkanie', startsAt: '2026-05-01T10:00' },
      },
      { photo: { stepId: null, author: { id: 'p1', name: 'Anna' } } },
      {},
    ];
    for (const empiria of written) expect(recordMetaProblem({ empiria }), JSON.stringify(empiria)).toBeNull();
  });

  it('has nothing to say about a record without meta.empiria', () => {
    expect(recordMetaProblem({})).toBeNull();
    expect(recordMetaProblem({ other: { anything: 1 } })).toBeNull();
    expect(recordMetaProblem(undefined)).toBeNull();
  });

  it('refuses a malformed known key, naming where', () => {
    expect(recordMetaProblem({ empiria: 'template' })).toMatch(/^meta\.empiria: /);
    expect(recordMetaProblem({ empiria: [] })).toMatch(/^meta\.empiria: /);
    expect(recordMetaProblem({ empiria: { author: { id: 'p1' } } })).toMatch(
      /^meta\.empiria\.author\.name: /,
    );
    expect(recordMetaProblem({ empiria: { zone: { stepId: 1, zoneId: 'z' } } })).toMatch(
      /^meta\.empiria\.zone\.stepId: /,
    );
    expect(recordMetaProblem({ empiria: { private: '' } })).toMatch(/^meta\.empiria\.private: /);
    expect(recordMetaProblem({ empiria: { source: 'moon' } })).toMatch(/^meta\.empiria\.source: /);
    expect(recordMetaProblem({ empiria: { field: 'yes' } })).toMatch(/^meta\.empiria\.field: /);
    expect(recordMetaProblem({ empiria: { author: { ...anna, name: 'x'.repeat(201) } } })).toMatch(
      /author\.name/,
    );
    expect(
      recordMetaProblem({ empiria: { carried: { from: [{ stepId: 'Not A Slug', zoneId: 'z' }] } } }),
    ).toMatch(/carried\.from\.0\.stepId/);
  });

  it('refuses a shape that claims to be the template without being a whole template meta', () => {
    expect(recordMetaProblem({ empiria: { kind: 'template' } })).toMatch(/^meta\.empiria\.formatId: /);
    expect(recordMetaProblem({ empiria: { ...template, part: 'poster' } })).toMatch(/meta\.empiria\.part/);
    expect(recordMetaProblem({ empiria: { kind: 'note' } })).toMatch(/meta\.empiria\.kind/);
  });

  it('lets unknown keys through, so a newer client’s key survives', () => {
    expect(recordMetaProblem({ empiria: { author: anna, reactions: { '👍': 3 } } })).toBeNull();
  });
});

describe('reading', () => {
  it('gives each well-formed key and leaves out a malformed one, keeping unknown keys', () => {
    const record = shape({ author: anna, zone: { stepId: 1 }, reactions: 2 });
    expect(recordMeta(record)).toEqual({ author: anna, reactions: 2 });
    expect(noteAuthorOf(record)).toEqual(anna);
    expect(noteZoneOf(record)).toBeNull();
  });

  it('reads nothing from a record without, or with a broken, meta.empiria', () => {
    for (const record of [{}, { meta: null }, { meta: {} }, shape('x'), shape(null), shape([1]), undefined]) {
      expect(recordMeta(record)).toEqual({});
      expect(noteAuthorOf(record)).toBeNull();
      expect(isTemplateRecord(record)).toBe(false);
    }
  });

  it('reads an author of the first versions, who had no city, as of no city', () => {
    expect(noteAuthorOf(shape({ author: { id: 'p1', name: 'Anna' } }))).toEqual({
      id: 'p1',
      name: 'Anna',
      city: '',
    });
  });

  it('tells the template by its kind, and reads its meta only when whole', () => {
    expect(isTemplateRecord(shape(template))).toBe(true);
    expect(templateMetaOf(shape(template))).toEqual(template);
    // [C1] holds for a record that only claims to be the template.
    expect(isTemplateRecord(shape({ kind: 'template' }))).toBe(true);
    expect(templateMetaOf(shape({ kind: 'template' }))).toBeNull();
    expect(isTemplateRecord(shape({ kind: 'note' }))).toBe(false);
    expect(templateMetaOf({})).toBeNull();
  });

  it('reads a private round, a cluster, a zone with its cell, and carried stops', () => {
    expect(privateRoundOf(shape({ private: 'r1' }))).toBe('r1');
    expect(privateRoundOf(shape({ private: '' }))).toBeNull();
    expect(clusterMetaOf(shape({ cluster: { name: 'Ludzie' } }))).toEqual({ name: 'Ludzie' });
    expect(clusterMetaOf(shape({ cluster: {} }))).toEqual({ name: '' });
    expect(clusterMetaOf(shape({ kind: 'template' }))).toBeNull();
    expect(noteZoneOf(shape({ zone: { stepId: 's', zoneId: 'z', cellId: 'c' } }))).toEqual({
      stepId: 's',
      zoneId: 'z',
      cellId: 'c',
    });
    expect(carriedOf(shape({ carried: { from: [{ stepId: 'a', zoneId: 'b' }] } }))).toEqual({
      from: [{ stepId: 'a', zoneId: 'b' }],
    });
    expect(recordMetaField(shape({ source: 'room' }), 'source')).toBe('room');
  });
});

describe('writing', () => {
  it('sets a key, keeping every other key of meta and of meta.empiria', () => {
    const meta = { other: 1, empiria: { author: anna, reactions: 2 } };
    expect(metaWith(meta, { zone: { stepId: 's', zoneId: 'z' } })).toEqual({
      other: 1,
      empiria: { author: anna, reactions: 2, zone: { stepId: 's', zoneId: 'z' } },
    });
    expect(meta).toEqual({ other: 1, empiria: { author: anna, reactions: 2 } });
  });

  it('removes a key set to undefined, and meta.empiria with the last one', () => {
    expect(metaWith({ a: 1, empiria: { private: 'r1', author: anna } }, { private: undefined })).toEqual({
      a: 1,
      empiria: { author: anna },
    });
    expect(metaWith({ a: 1, empiria: { private: 'r1' } }, { private: undefined })).toEqual({ a: 1 });
  });

  it('returns the same object when nothing changes, so an unchanged record is not written', () => {
    const meta = { empiria: { zone: { stepId: 's', zoneId: 'z' } } };
    expect(metaWith(meta, { zone: { stepId: 's', zoneId: 'z' } })).toBe(meta);
    expect(metaWith(meta, { private: undefined })).toBe(meta);
    const record = { id: 'shape:a', meta };
    expect(withRecordMeta(record, { zone: { stepId: 's', zoneId: 'z' } })).toBe(record);
  });

  it('writes JSON: keys holding undefined inside a value are left out', () => {
    const meta = metaWith({}, { zone: { stepId: 's', zoneId: 'z', cellId: undefined } });
    expect(Object.keys((meta.empiria as { zone: object }).zone)).toEqual(['stepId', 'zoneId']);
  });

  it('starts from a record without meta, or with a broken meta.empiria', () => {
    expect(metaWith(undefined, { field: true })).toEqual({ empiria: { field: true } });
    expect(metaWith({ empiria: 'x' }, { field: true })).toEqual({ empiria: { field: true } });
    expect(withRecordMeta({ id: 'shape:a', meta: {} }, { author: anna })).toEqual({
      id: 'shape:a',
      meta: { empiria: { author: anna } },
    });
  });

  it('writes what the one rule accepts', () => {
    const meta = metaWith({}, { author: anna, zone: { stepId: 's', zoneId: 'z' }, source: 'room' });
    expect(recordMetaProblem(meta)).toBeNull();
  });
});

describe('metaWithoutMalformed: what a repair keeps', () => {
  it('takes out only the malformed known keys', () => {
    const meta = { other: 1, empiria: { author: anna, zone: { stepId: 1 }, reactions: 2 } };
    const repaired = metaWithoutMalformed(meta);
    expect(repaired).toEqual({ other: 1, empiria: { author: anna, reactions: 2 } });
    expect(recordMetaProblem(repaired)).toBeNull();
  });

  it('takes out a meta.empiria that is not an object', () => {
    expect(metaWithoutMalformed({ other: 1, empiria: 'template' })).toEqual({ other: 1 });
  });

  it('changes nothing in a well-formed meta', () => {
    const meta = { empiria: { author: anna } };
    expect(metaWithoutMalformed(meta)).toBe(meta);
  });
});
