import { describe, expect, it, vi } from 'vitest';
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  toRichText,
} from 'tldraw';
import type { TLPageId, TLRecord, TLShape } from 'tldraw';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { RecordPreparer, isNewerSchema } from './record-preparer';
import {
  applyRemotePlan,
  planRemoteChanges,
  withoutBrokenParentChains,
  withoutUnstorable,
  writeLocalDiff,
} from './record-sync';
import { checkCanvasEntry } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY } from '@empiria/shared';
import type { KeyValueChange } from './record-sync';

const PAGE_ID = 'page:page' as TLPageId;

function newStore() {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

function baseRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID, name: 'Strona 1', index: 'a1' as never }),
  ];
}

function note(text: string, x = 0): TLShape {
  return {
    id: createShapeId(),
    typeName: 'shape',
    type: 'note',
    x,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
      textLastEditedBy: null,
    },
  } as unknown as TLShape;
}

/** A store that starts with the base records, and a preparer for it. */
function setup() {
  const store = newStore();
  store.mergeRemoteChanges(() => store.put(baseRecords()));
  const preparer = new RecordPreparer(store);
  const prepare = (raw: unknown) => preparer.prepare(raw, store.schema.serialize());
  return { store, preparer, prepare };
}

describe('applying remote changes', () => {
  it('puts valid records and removes deleted ones', () => {
    const { store, prepare } = setup();
    const a = note('a');
    const b = note('b', 300);
    store.mergeRemoteChanges(() => store.put([b]));
    const changes: Array<[string, KeyValueChange]> = [
      [a.id, { action: 'add', newValue: a }],
      [b.id, { action: 'delete', oldValue: b }],
    ];
    const plan = planRemoteChanges(changes, prepare);
    expect(plan.broken).toEqual([]);
    expect(applyRemotePlan(store, plan)).toEqual([]);
    expect(store.has(a.id)).toBe(true);
    expect(store.has(b.id)).toBe(false);
  });

  it('skips one broken record, reports it, and still applies the others', () => {
    const { store, prepare } = setup();
    const good = note('dobra');
    const broken = { ...note('zła'), props: { ...note('zła').props, color: 'not-a-colour' } };
    const plan = planRemoteChanges(
      [
        [broken.id, { action: 'add', newValue: broken }],
        ['garbage', { action: 'add', newValue: 42 }],
        [good.id, { action: 'add', newValue: good }],
      ],
      prepare,
    );
    expect(plan.broken.map((b) => b.id)).toEqual([broken.id, 'garbage']);
    applyRemotePlan(store, plan);
    expect(store.has(good.id)).toBe(true);
    expect(store.has(broken.id)).toBe(false);
  });

  it('ignores session records someone wrote into the document', () => {
    const { prepare } = setup();
    const plan = planRemoteChanges(
      [['instance:instance', { action: 'add', newValue: { id: 'instance:instance', typeName: 'instance' } }]],
      prepare,
    );
    expect(plan).toEqual({ put: [], remove: [], broken: [] });
  });

  it('reports records of an unknown type', () => {
    const { prepare } = setup();
    const plan = planRemoteChanges(
      [['x:1', { action: 'add', newValue: { id: 'x:1', typeName: 'x' } }]],
      prepare,
    );
    expect(plan.broken[0]?.reason).toMatch(/unknown record type/);
  });

  it('keeps remote changes out of the local undo history', () => {
    const { store, prepare } = setup();
    const history: string[] = [];
    store.listen((entry) => history.push(entry.source), { scope: 'document' });
    const remote = note('zdalna');
    applyRemotePlan(store, planRemoteChanges([[remote.id, { action: 'add', newValue: remote }]], prepare));
    expect(history).toEqual(['remote']);
  });

  it('migrates a record written with an older schema before validating it', () => {
    const { store, preparer } = setup();
    const current = store.schema.serialize();
    // An older board: the note sequence one version back, before notes had `textLastEditedBy`.
    // Unmigrated, the record would fail validation; migrated, it passes.
    const noteSequence = 'com.tldraw.shape.note';
    const older = {
      ...current,
      sequences: { ...current.sequences, [noteSequence]: current.sequences[noteSequence]! - 1 },
    };
    const { textLastEditedBy: _dropped, ...oldProps } = note('stara').props as Record<string, unknown>;
    const record = { ...note('stara'), props: oldProps };
    expect(preparer.prepare(record, current).ok).toBe(false);
    const prepared = preparer.prepare(record, older);
    expect(prepared.ok).toBe(true);
    expect(prepared.ok === true && 'textLastEditedBy' in (prepared.record as TLShape).props).toBe(true);
  });
});

describe('[D3] shapes whose parents would loop', () => {
  const inside = (text: string, parentId: string, id?: string) =>
    ({ ...note(text), ...(id ? { id } : {}), parentId }) as TLShape;

  it('are left out and reported, whether the loop is in the change or closes on the store', () => {
    const { store, prepare } = setup();
    const frame = note('rama');
    store.mergeRemoteChanges(() => store.put([frame]));
    const a = inside('a', 'shape:b', 'shape:a');
    const b = inside('b', 'shape:a', 'shape:b');
    const self = inside('sam', 'shape:self', 'shape:self');
    // The stored frame moved into a note that is, and stays, in it.
    const child = inside('w ramie', frame.id);
    const movedFrame = { ...frame, parentId: child.id } as TLShape;
    const below = inside('pod pętlą', frame.id);
    const fine = note('obok');
    const plan = withoutBrokenParentChains(
      planRemoteChanges(
        [a, b, self, child, movedFrame, below, fine].map((r) => [r.id, { action: 'add', newValue: r }]),
        prepare,
      ),
      (id) => store.get(id as TLRecord['id']),
    );
    expect(plan.put.map((r) => r.id)).toEqual([fine.id]);
    expect(plan.broken.map((r) => r.id).sort()).toEqual(
      [a.id, b.id, self.id, child.id, movedFrame.id, below.id].sort(),
    );
    applyRemotePlan(store, plan);
    expect(store.get(frame.id)).toEqual(frame);
  });

  it('leaves a board without loops as it is', () => {
    const { prepare } = setup();
    const frame = note('rama');
    const plan = planRemoteChanges(
      [frame, inside('w ramie', frame.id)].map((r) => [r.id, { action: 'add', newValue: r }]),
      prepare,
    );
    expect(withoutBrokenParentChains(plan, () => undefined)).toBe(plan);
  });
});

describe('local diff to Yjs', () => {
  it('writes added, updated and removed records in one transaction', () => {
    const doc = new Y.Doc();
    const records = new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY));
    const a = note('a');
    const b = note('b');
    const updates = vi.fn();
    doc.on('update', updates);
    doc.transact(() =>
      writeLocalDiff(records, { added: { [a.id]: a, [b.id]: b }, updated: {}, removed: {} }),
    );
    const movedA = { ...a, x: 100 };
    doc.transact(() =>
      writeLocalDiff(records, { added: {}, updated: { [a.id]: [a, movedA] }, removed: { [b.id]: b } }),
    );
    expect(updates).toHaveBeenCalledTimes(2);
    expect(records.get(a.id)).toEqual(movedA);
    expect(records.has(b.id)).toBe(false);
  });

  it('round-trips through a second document as a remote client sees it', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const localRecords = new YKeyValue<unknown>(local.getArray(CANVAS_RECORDS_ARRAY));
    const remoteRecords = new YKeyValue<unknown>(remote.getArray(CANVAS_RECORDS_ARRAY));
    const { store, prepare } = setup();
    remoteRecords.on('change', (changes: Map<string, KeyValueChange>) => {
      applyRemotePlan(store, planRemoteChanges(changes, prepare));
    });
    local.on('update', (update: Uint8Array) => Y.applyUpdate(remote, update));
    const a = note('przez sieć');
    local.transact(() => writeLocalDiff(localRecords, { added: { [a.id]: a }, updated: {}, removed: {} }));
    expect(store.get(a.id)).toMatchObject({ type: 'note', x: 0 });
    local.transact(() => writeLocalDiff(localRecords, { added: {}, updated: {}, removed: { [a.id]: a } }));
    expect(store.has(a.id)).toBe(false);
  });
});

describe('[D3] a local change the server would refuse', () => {
  it('is kept out of the document and undone, the rest goes through', () => {
    const small = note('krótka');
    const huge = note('x'.repeat(300_000));
    const before = note('przed', 5);
    const after = { ...before, x: Number.NaN } as TLShape;
    const storable = (record: TLRecord) => checkCanvasEntry({ key: record.id, val: record }).ok;
    const { diff, undo } = withoutUnstorable(
      {
        added: { [small.id]: small, [huge.id]: huge },
        updated: { [before.id]: [before, after] },
        removed: {},
      },
      storable,
    );
    expect(Object.keys(diff.added)).toEqual([small.id]);
    expect(diff.updated).toEqual({});
    expect(undo).toEqual({ remove: [huge.id], restore: [before] });
  });
});

describe('a board from a newer client', () => {
  it('is recognised, so the person is told to reload rather than that records are broken', () => {
    const ours = { schemaVersion: 2 as const, sequences: { a: 2 } };
    expect(isNewerSchema({ schemaVersion: 2, sequences: { a: 3 } }, ours)).toBe(true);
    expect(isNewerSchema({ schemaVersion: 2, sequences: { a: 2, z: 1 } }, ours)).toBe(true);
    expect(isNewerSchema({ schemaVersion: 2, sequences: { a: 1 } }, ours)).toBe(false);
    expect(isNewerSchema(null, ours)).toBe(false);
  });

  it('does not lose its records silently: they are reported as not readable', () => {
    const { store, preparer } = setup();
    const current = store.schema.serialize();
    const newer = {
      ...current,
      sequences: {
        ...current.sequences,
        'com.tldraw.shape.note': current.sequences['com.tldraw.shape.note']! + 1,
      },
    };
    const record = note('z przyszłości');
    const plan = planRemoteChanges([[record.id, { action: 'add', newValue: record }]], (raw) =>
      preparer.prepare(raw, newer),
    );
    expect(plan.put).toEqual([]);
    expect(plan.broken.map((b) => b.id)).toEqual([record.id]);
  });
});
