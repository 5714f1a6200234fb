import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkCanvasEntry, getFormat, layoutFormat, templateSchema } from '@empiria/formats';
import {
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  CANVAS_SCHEMA_KEY,
  CloseCode,
  cityColor,
  noteAuthorOf,
  readControlState,
  type BoardInfo,
  type Identity,
  type Role,
  type RoomAddress,
} from '@empiria/shared';
import { boardDocumentRules } from '../boards/board-document-rules';
import { writeInitialDocuments } from '../boards/initial-documents';
import { noteRecord } from '../canvas/note-record';
import { createMemoryLogger } from '../log';
import { SetAsideStore } from '../storage/set-aside-store';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { SqliteDocumentStore } from '../storage/sqlite-document-store';
import { MemoryPeer } from './memory-peer.test-support';
import { mulberry32 } from './seeded-random';
import { RoomRegistry } from './room-registry';

/**
 * [D1]–[D6] A participant who sends valid Yjs updates carrying what no client can read: every such
 * update is refused whole (the sender told with 4422, nothing stored or relayed), and every board
 * still loads in tldraw's schema afterwards — also when the poison is already on disk.
 */

const board: BoardInfo = {
  id: 'poison-board',
  title: 'Poison',
  format: 'format-2',
  formatVersion: 1,
  language: 'pl',
  createdAt: '2026-11-29T00:00:00.000Z',
};
const canvas: RoomAddress = { boardId: board.id, doc: 'canvas' };

const person = (role: Role, i = 1): Identity => ({
  id: `p${role}${i}`,
  name: `Osoba ${i}`,
  city: `Miasto ${i}`,
  role,
  color: cityColor(`Miasto ${i}`),
});

let dir: string;
let db: SqliteDatabase;
let store: SqliteDocumentStore;
let setAside: SetAsideStore;

function openRegistry(maxBoardBytes?: number) {
  return new RoomRegistry(store, createMemoryLogger(), {
    rulesFor: boardDocumentRules({
      boardOf: () => Promise.resolve(board),
      setAside,
      log: createMemoryLogger(),
      ...(maxBoardBytes === undefined ? {} : { canvasLimits: { maxBoardBytes } }),
    }),
    unloadAfterMs: 60_000,
  });
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-poison-'));
  db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  store = new SqliteDocumentStore(db);
  setAside = new SetAsideStore(new SqliteSqlDatabase(db));
});

afterEach(async () => {
  await store.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs every queued task of the room, and what they queued, until nothing is left; then sends. */
async function settle(registry: RoomRegistry, address: RoomAddress = canvas): Promise<void> {
  const room = registry.room(address);
  for (let i = 0; i < 5; i++) await room.run(() => undefined);
  await room.sent();
}

async function join(registry: RoomRegistry, role: Role = 'participant', i = 1, address = canvas) {
  const peer = new MemoryPeer();
  const connection = registry.connect(peer.socket, address, person(role, i), 'invite');
  peer.attach((frame) => connection.receive(frame));
  peer.sendSyncStep1();
  await settle(registry, address);
  peer.deliver();
  await settle(registry, address);
  peer.deliver();
  return { peer, connection };
}

/**
 * What a fresh client would load: YKeyValue (y-utility) reads `key` of every entry of the records
 * array and keeps the last per key; each of those must be valid by tldraw's schema.
 */
function expectLoadable(doc: Y.Doc): void {
  const latest = new Map<string, unknown>();
  for (const entry of doc.getArray<{ key: string; val: unknown }>(CANVAS_RECORDS_ARRAY).toArray())
    latest.set(entry.key, entry.val);
  const records = [...latest.values()];
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) {
    const entry = { key: (record as { id: string }).id, val: record };
    expect(checkCanvasEntry(entry), JSON.stringify(entry).slice(0, 200)).toMatchObject({ ok: true });
  }
  // The store-level path a tldraw client takes with the stored schema: migrate, then validate.
  const snapshot = {
    store: Object.fromEntries(records.map((r) => [(r as { id: string }).id, r])),
    schema: doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY) as ReturnType<typeof templateSchema.serialize>,
  } as Parameters<typeof templateSchema.migrateStoreSnapshot>[0];
  const migrated = templateSchema.migrateStoreSnapshot(snapshot);
  expect(migrated.type).toBe('success');
  expect(
    Object.keys(doc.share).length === 0 ||
      [...doc.share.keys()].every((k) => k === 'records' || k === 'meta'),
  ).toBe(true);
  JSON.stringify(records); // throws on a BigInt
}

function validNote(id: string, text = 'Bariera') {
  return noteRecord({
    id,
    text,
    x: 100,
    y: 100,
    index: 'a9' as never,
    color: 'yellow',
    author: { id: 'pparticipant1', name: 'Osoba 1', city: 'Miasto 1' },
  });
}

type Attack = (doc: Y.Doc) => void;
const records = (doc: Y.Doc) => doc.getArray<unknown>(CANVAS_RECORDS_ARRAY);

const ATTACKS: Record<string, Attack> = {
  'a null entry': (doc) => records(doc).push([null]),
  'an entry that is a number': (doc) => records(doc).push([42]),
  'an entry without a record': (doc) => records(doc).push([{ key: 'shape:x', val: 5 }]),
  'a record with a BigInt': (doc) => {
    const note = validNote('shape:big') as unknown as { props: Record<string, unknown> };
    records(doc).push([{ key: 'shape:big', val: { ...note, x: BigInt(10) } }]);
  },
  'a record with a byte array': (doc) =>
    records(doc).push([
      { key: 'shape:bytes', val: { ...validNote('shape:bytes'), meta: { b: new Uint8Array(4) } } },
    ]),
  'a record of an unknown type': (doc) =>
    records(doc).push([{ key: 'evil:1', val: { id: 'evil:1', typeName: 'evil', x: 1 } }]),
  // #16: a visitor's own tldraw user record would grow the board with each visit.
  'a tldraw user record': (doc) => records(doc).push([{ key: 'user:u1', val: tldrawUser('user:u1') }]),
  'a shape of an unknown kind': (doc) =>
    records(doc).push([{ key: 'shape:k', val: { ...validNote('shape:k'), type: 'rocket' } }]),
  'a record under another key': (doc) => records(doc).push([{ key: 'shape:a', val: validNote('shape:b') }]),
  'a note with a 300 kB text': (doc) =>
    records(doc).push([{ key: 'shape:long', val: validNote('shape:long', 'x'.repeat(300_000)) }]),
  'a note whose author has no name (meta.empiria)': (doc) =>
    records(doc).push([
      { key: 'shape:anon', val: { ...validNote('shape:anon'), meta: { empiria: { author: { id: 'p9' } } } } },
    ]),
  'a note whose meta.empiria is a string': (doc) =>
    records(doc).push([
      { key: 'shape:str', val: { ...validNote('shape:str'), meta: { empiria: 'template' } } },
    ]),
  'a shape claiming to be the template without saying which': (doc) =>
    records(doc).push([
      { key: 'shape:tpl', val: { ...validNote('shape:tpl'), meta: { empiria: { kind: 'template' } } } },
    ]),
  // tldraw loops for ever placing a shape whose parents come back to it: every browser froze.
  'a note that is its own parent': (doc) =>
    records(doc).push([{ key: 'shape:self', val: { ...validNote('shape:self'), parentId: 'shape:self' } }]),
  'two notes that are each other’s parent': (doc) =>
    records(doc).push([
      { key: 'shape:a', val: { ...validNote('shape:a'), parentId: 'shape:b' } },
      { key: 'shape:b', val: { ...validNote('shape:b'), parentId: 'shape:a' } },
    ]),
  'a chain of 40 nested notes': (doc) =>
    records(doc).push(
      Array.from({ length: 40 }, (_, i) => ({
        key: `shape:c${i}`,
        val: { ...validNote(`shape:c${i}`), parentId: i === 0 ? 'page:page' : `shape:c${i - 1}` },
      })),
    ),
  'a NaN coordinate': (doc) =>
    records(doc).push([{ key: 'shape:nan', val: { ...validNote('shape:nan'), x: Number.NaN } }]),
  'a rewrite of meta.schema': (doc) =>
    doc.getMap(CANVAS_META_MAP).set(CANVAS_SCHEMA_KEY, { schemaVersion: 99 }),
  'another key in meta': (doc) => doc.getMap(CANVAS_META_MAP).set('x', 1),
  'a top-level map of 100,000 characters': (doc) => doc.getMap('junk').set('k', 'x'.repeat(100_000)),
  'a top-level text': (doc) => doc.getText('junk-text').insert(0, 'hello'),
  'a Y.Map inside the records': (doc) => records(doc).push([new Y.Map()]),
  'a Y.Text inside the records': (doc) => records(doc).push([new Y.Text('x')]),
  'a string inside the records': (doc) => (records(doc) as unknown as Y.Array<string>).insert(0, ['s']),
};

describe('[D1][D3][D4] poisoned canvas updates are refused whole', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`refuses ${name}; the board still loads, for everyone and from disk`, async () => {
      let registry = openRegistry();
      await writeInitialDocuments(registry, board);
      const attacker = await join(registry, 'participant', 1);
      const witness = await join(registry, 'participant', 2);
      const before = Y.encodeStateVector(registry.room(canvas).doc);
      witness.peer.inbox.length = 0;

      attack(attacker.peer.doc);
      await settle(registry);

      expect(attacker.peer.closed?.code).toBe(CloseCode.updateRefused);
      expect(attacker.connection.refusedUpdates).toBe(1);
      // Nothing relayed, nothing applied.
      expect(witness.peer.inbox).toHaveLength(0);
      expect(Y.encodeStateVector(registry.room(canvas).doc)).toEqual(before);
      expectLoadable(registry.room(canvas).doc);

      await registry.close();
      registry = openRegistry();
      await registry.room(canvas).loaded;
      expectLoadable(registry.room(canvas).doc);
      await registry.close();
    });
  }

  it('lets a participant add a valid note, and the facilitator too', async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const participant = await join(registry, 'participant', 1);
    records(participant.peer.doc).push([{ key: 'shape:ok', val: validNote('shape:ok') }]);
    await settle(registry);
    expect(participant.peer.closed).toBeNull();
    expect(registry.room(canvas).doc.getArray(CANVAS_RECORDS_ARRAY).toArray()).toContainEqual(
      expect.objectContaining({ key: 'shape:ok' }),
    );
    await registry.close();
  });

  it('[D1] refuses an update that depends on changes the server does not have', async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const attacker = await join(registry);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(attacker.peer.doc));
    records(offline).push([{ key: 'shape:one', val: validNote('shape:one') }]);
    const vector = Y.encodeStateVector(offline);
    records(offline).push([{ key: 'shape:two', val: validNote('shape:two') }]);
    // Only the second change, without the first it builds on.
    attacker.connection.receive(updateFrame(Y.encodeStateAsUpdate(offline, vector)));
    await settle(registry);
    expect(attacker.peer.closed?.code).toBe(CloseCode.updateRefused);
    expect(registry.room(canvas).doc.store.pendingStructs).toBeNull();
    await registry.close();
  });
});

describe('[D8] nobody writes under another person’s Yjs client id', () => {
  it('refuses a participant who extends another’s history; the owner’s next edit still lands', async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const ala = await join(registry, 'participant', 1);
    records(ala.peer.doc).push([{ key: 'shape:ala1', val: validNote('shape:ala1') }]);
    await settle(registry);
    const eve = await join(registry, 'participant', 2);
    // Eve writes as Ala, at the clocks Ala will use next.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(registry.room(canvas).doc));
    const vector = Y.encodeStateVector(forged);
    forged.clientID = ala.peer.doc.clientID;
    records(forged).push([{ key: 'shape:forged', val: validNote('shape:forged', 'nie moje') }]);
    eve.connection.receive(updateFrame(Y.encodeStateAsUpdate(forged, vector)));
    await settle(registry);
    expect(eve.peer.closed?.code).toBe(CloseCode.updateRefused);
    records(ala.peer.doc).push([{ key: 'shape:ala2', val: validNote('shape:ala2') }]);
    await settle(registry);
    const keys = registry
      .room(canvas)
      .doc.getArray<{ key: string }>(CANVAS_RECORDS_ARRAY)
      .toArray()
      .map((e) => e.key);
    expect(keys).toContain('shape:ala2');
    expect(keys).not.toContain('shape:forged');
    expect(ala.peer.closed).toBeNull();
    await registry.close();
  });
});

describe('[D4][D8] an update cannot re-describe what the server already has', () => {
  it('a forged copy of the schema item claiming to be a record does not let a write into meta', async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const attacker = await join(registry);
    const doc = registry.room(canvas).doc;
    const schemaItem = (doc.getMap(CANVAS_META_MAP) as unknown as { _map: Map<string, Y.Item> })._map.get(
      CANVAS_SCHEMA_KEY,
    )!;
    // A document under the server's own client id whose struct at the schema item's clock is a
    // records entry, followed by one more entry placed right after it: Yjs takes the first from
    // the server's copy (the schema item) and would put the second into meta, as its new schema.
    const forged = new Y.Doc();
    forged.clientID = schemaItem.id.client;
    const filler = Array.from({ length: schemaItem.id.clock }, (_, i) => ({
      key: `shape:fill${i}`,
      val: validNote(`shape:fill${i}`),
    }));
    if (filler.length > 0) records(forged).push(filler);
    records(forged).push([{ key: 'shape:copy', val: validNote('shape:copy') }]);
    records(forged).push([{ key: 'shape:next', val: validNote('shape:next') }]);
    const before = JSON.stringify(doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY));
    attacker.connection.receive(updateFrame(Y.encodeStateAsUpdate(forged)));
    await settle(registry);
    expect(attacker.peer.closed?.code).toBe(CloseCode.updateRefused);
    expect(JSON.stringify(doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY))).toBe(before);
    expectLoadable(doc);
    await registry.close();
  });
});

describe('[D5] a board has a quota', () => {
  it('refuses records past the quota, keeps what came before', async () => {
    const registry = openRegistry(400_000);
    await writeInitialDocuments(registry, board);
    const attacker = await join(registry);
    for (let i = 0; i < 30 && attacker.peer.closed === null; i++) {
      records(attacker.peer.doc).push([
        { key: `shape:n${i}`, val: validNote(`shape:n${i}`, 'x'.repeat(60_000)) },
      ]);
      await settle(registry);
    }
    expect(attacker.peer.closed?.code).toBe(CloseCode.updateRefused);
    const kept = registry
      .room(canvas)
      .doc.getArray<{ key: string }>(CANVAS_RECORDS_ARRAY)
      .toArray()
      .filter((e) => e.key.startsWith('shape:n'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(30);
    await registry.close();
  });
});

describe('[D6] a board already poisoned on disk loads, with the bad records set aside', () => {
  it('sets aside nulls, BigInts, unknown types and junk; reports them to the facilitator', async () => {
    await storeBoardWith((poison) => {
      records(poison).push([null, { key: 'shape:big', val: { ...validNote('shape:big'), x: BigInt(3) } }]);
      records(poison).push([{ key: 'evil:1', val: { id: 'evil:1', typeName: 'evil' } }]);
      poison.getMap('junk').set('k', 'x'.repeat(1000));
    });

    let registry = openRegistry();
    const room = registry.room(canvas);
    await room.loaded;
    expectLoadable(room.doc);
    expect(room.doc.getMap('junk').size).toBe(0);
    const aside = await setAside.list(board.id);
    expect(aside.map((r) => r.key).sort()).toEqual([null, null, 'evil:1', 'shape:big'].sort());
    expect(aside.find((r) => r.key === 'shape:big')?.data).toContain('3n');
    await settle(registry, { boardId: board.id, doc: 'control' });
    expect(readControlState(registry.room({ boardId: board.id, doc: 'control' }).doc).setAside?.count).toBe(
      4,
    );
    await registry.close();

    // The repair was stored: the next load has nothing left to set aside.
    registry = openRegistry();
    await registry.room(canvas).loaded;
    expect(await setAside.list(board.id)).toHaveLength(4);
    expectLoadable(registry.room(canvas).doc);
    await registry.close();
  });
});

describe('[D3][D6] shapes stored whose parents form a loop', () => {
  it('loads with the loop broken: a shape of it on the page, its original set aside', async () => {
    await storeBoardWith((stored) =>
      records(stored).push([
        { key: 'shape:a', val: { ...validNote('shape:a'), parentId: 'shape:b' } },
        { key: 'shape:b', val: { ...validNote('shape:b'), parentId: 'shape:a' } },
        { key: 'shape:in-b', val: { ...validNote('shape:in-b'), parentId: 'shape:b' } },
        { key: 'shape:self', val: { ...validNote('shape:self'), parentId: 'shape:self' } },
      ]),
    );

    let registry = openRegistry();
    const room = registry.room(canvas);
    await room.loaded;
    expectLoadable(room.doc);
    const parents = new Map(
      room.doc
        .getArray<{ key: string; val: { parentId: string } }>(CANVAS_RECORDS_ARRAY)
        .toArray()
        .filter((entry) => entry.key.startsWith('shape:'))
        .map((entry) => [entry.key, entry.val.parentId]),
    );
    // The loop is cut at its smallest id; the rest of it, and what hangs below, stay as they were.
    expect(parents.get('shape:a')).toBe('page:page');
    expect(parents.get('shape:b')).toBe('shape:a');
    expect(parents.get('shape:in-b')).toBe('shape:b');
    expect(parents.get('shape:self')).toBe('page:page');
    const aside = await setAside.list(board.id);
    expect(aside.map((r) => [r.key, r.reason]).sort()).toEqual([
      ['shape:a', 'repaired: its parents form a loop'],
      ['shape:self', 'repaired: its parents form a loop'],
    ]);
    await registry.close();

    // Repaired once: the next load finds nothing to repair.
    registry = openRegistry();
    await registry.room(canvas).loaded;
    expect(await setAside.list(board.id)).toHaveLength(2);
    await registry.close();
  });
});

describe('[D3][D6] a note stored with malformed metadata', () => {
  it('loads with the malformed keys taken out, the note kept, and its original set aside', async () => {
    const note = validNote('shape:odd', 'Brak czasu');
    const author = noteAuthorOf(note);
    const odd = { ...note, meta: { other: 1, empiria: { author, zone: { stepId: 7 } } } };
    await storeBoardWith((stored) => records(stored).push([{ key: 'shape:odd', val: odd }]));

    let registry = openRegistry();
    const room = registry.room(canvas);
    await room.loaded;
    expectLoadable(room.doc);
    const kept = room.doc
      .getArray<{ key: string; val: typeof note }>(CANVAS_RECORDS_ARRAY)
      .toArray()
      .filter((entry) => entry.key === 'shape:odd');
    expect(kept).toHaveLength(1);
    expect(kept[0]!.val.props.richText).toEqual(note.props.richText);
    expect(author).not.toBeNull();
    expect(kept[0]!.val.meta).toEqual({ other: 1, empiria: { author } });
    const aside = await setAside.list(board.id);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({
      key: 'shape:odd',
      reason: expect.stringMatching(/meta\.empiria\.zone/),
    });
    expect(aside[0]!.data).toContain('"stepId":7');
    await registry.close();

    // Repaired once: the next load finds nothing to repair.
    registry = openRegistry();
    await registry.room(canvas).loaded;
    expect(await setAside.list(board.id)).toHaveLength(1);
    await registry.close();
  });
});

describe('[D4] the meeting notes cannot be nested without end', () => {
  it('refuses the quote that would nest the note deeper than its readers go, one update at a time', async () => {
    const registry = openRegistry();
    const summary = { boardId: board.id, doc: 'summary' as const };
    const lead = await join(registry, 'facilitator', 1, summary);
    let parent: Y.XmlFragment | Y.XmlElement = lead.peer.doc.getXmlFragment('body');
    for (let level = 0; level < 80 && lead.peer.closed === null; level++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
      await settle(registry, summary);
    }
    expect(lead.peer.closed?.code).toBe(CloseCode.updateRefused);
    await registry.close();
  });
});

describe('[D6] meeting notes already poisoned on disk', () => {
  it('open without the blocks the editor cannot show; they are set aside', async () => {
    const poison = new Y.Doc();
    const body = poison.getXmlFragment('body');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Wnioski zostają')]);
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    body.insert(0, [paragraph, script]);
    await store.append('poison-board/summary', Y.encodeStateAsUpdate(poison));
    const registry = openRegistry();
    const room = registry.room({ boardId: board.id, doc: 'summary' });
    await room.loaded;
    expect(summaryText(room.doc)).toContain('Wnioski zostają');
    expect(summaryText(room.doc)).not.toContain('script');
    expect(await setAside.list(board.id)).toMatchObject([
      { doc: 'summary', reason: 'an unknown block (script)' },
    ]);
    await registry.close();
  });
});

describe('[D7] locks hold on the first update after the control document was unloaded', () => {
  it('a participant cannot add to a locked sheet of a board whose control room is not in memory', async () => {
    let registry = openRegistry();
    await writeInitialDocuments(registry, board);
    await registry.room({ boardId: board.id, doc: 'control' }).transact((doc) => {
      doc.getMap('control').set('lockedSteps', ['barriers']);
    });
    await registry.close();

    // A fresh process: only the canvas room is opened by the participant.
    registry = openRegistry();
    const participant = await join(registry, 'participant', 1);
    const sheet = layoutFormat(getFormat('format-2')!).sheets.find((s) => s.stepId === 'barriers')!;
    records(participant.peer.doc).push([
      { key: 'shape:locked', val: { ...validNote('shape:locked'), x: sheet.x + 400, y: sheet.y + 900 } },
    ]);
    await settle(registry);
    await settle(registry);
    const keys = registry
      .room(canvas)
      .doc.getArray<{ key: string }>(CANVAS_RECORDS_ARRAY)
      .toArray()
      .map((e) => e.key);
    expect(keys).not.toContain('shape:locked');
    await registry.close();
  });
});

describe('[D4] control and summary documents', () => {
  it('refuses a facilitator client writing a server key of the control document', async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const control = { boardId: board.id, doc: 'control' as const };
    const lead = await join(registry, 'facilitator', 1, control);
    lead.peer.doc.getMap('control').set('timer', { status: 'running', endsAt: 1 });
    await settle(registry, control);
    expect(lead.peer.closed?.code).toBe(CloseCode.updateRefused);
    const again = await join(registry, 'facilitator', 2, control);
    again.peer.doc.getMap('control').set('showAuthors', 'yes');
    await settle(registry, control);
    expect(again.peer.closed?.code).toBe(CloseCode.updateRefused);
    const fine = await join(registry, 'facilitator', 3, control);
    fine.peer.doc.getMap('control').set('showAuthors', false);
    await settle(registry, control);
    expect(fine.peer.closed).toBeNull();
    expect(readControlState(registry.room(control).doc).showAuthors).toBe(false);
    await registry.close();
  });

  it('refuses comments, approvals and unknown blocks in the meeting notes; accepts paragraphs', async () => {
    const registry = openRegistry();
    const summary = { boardId: board.id, doc: 'summary' as const };
    const attempts: [string, (doc: Y.Doc) => void, boolean][] = [
      ['a forged comment', (doc) => doc.getArray('comments').push([{ id: 'c' }]), false],
      ['a forged approval', (doc) => doc.getMap('approval').set('state', { status: 'approved' }), false],
      ['a script block', (doc) => doc.getXmlFragment('body').push([new Y.XmlElement('script')]), false],
      [
        'a javascript: link',
        (doc) => {
          const p = new Y.XmlElement('paragraph');
          const text = new Y.XmlText();
          p.insert(0, [text]);
          doc.getXmlFragment('body').push([p]);
          text.insert(0, 'klik', { link: { href: 'javascript:alert(1)' } });
        },
        false,
      ],
      ['an invalid meeting date', (doc) => doc.getMap('record').set('date', 'yesterday'), false],
      [
        'a paragraph with bold text',
        (doc) => {
          const p = new Y.XmlElement('paragraph');
          const text = new Y.XmlText();
          p.insert(0, [text]);
          doc.getXmlFragment('body').push([p]);
          text.insert(0, 'Wnioski', { bold: true });
        },
        true,
      ],
    ];
    let i = 0;
    for (const [name, write, accepted] of attempts) {
      const lead = await join(registry, 'facilitator', ++i, summary);
      write(lead.peer.doc);
      await settle(registry, summary);
      expect(lead.peer.closed === null, name).toBe(accepted);
    }
    expect(summaryText(registry.room(summary).doc)).toContain('Wnioski');
    await registry.close();
  });
});

const FUZZ_FRAMES = 10_000;

/** A y-websocket sync-update frame around `update`, sent as is (no Yjs client in between). */
function updateFrame(update: Uint8Array): Uint8Array {
  const header = [0, 2];
  let length = update.length;
  do {
    header.push((length & 0x7f) | (length > 0x7f ? 0x80 : 0));
    length >>>= 7;
  } while (length > 0);
  const frame = new Uint8Array(header.length + update.length);
  frame.set(header, 0);
  frame.set(update, header.length);
  return frame;
}

describe('[D1] fuzz: mutated updates never leave a board unloadable', () => {
  it(`survives ${FUZZ_FRAMES} seeded mutations of valid updates`, { timeout: 120_000 }, async () => {
    const registry = openRegistry();
    await writeInitialDocuments(registry, board);
    const random = mulberry32(20261129);
    const victim = await join(registry, 'participant', 99);
    let refused = 0;
    for (let i = 0; i < FUZZ_FRAMES; i++) {
      // A small update of its own (no history needed), valid or subtly wrong, then bytes flipped.
      const source = new Y.Doc();
      const pick = random();
      if (pick < 0.5) records(source).push([{ key: `shape:f${i}`, val: validNote(`shape:f${i}`) }]);
      else if (pick < 0.7) source.getMap(CANVAS_META_MAP).set(CANVAS_SCHEMA_KEY, 'x');
      else records(source).push([{ key: `shape:g${i}`, val: { ...validNote(`shape:g${i}`), y: 'oops' } }]);
      const mutated = Y.encodeStateAsUpdate(source);
      const flips = 1 + Math.floor(random() * 3);
      for (let f = 0; f < flips; f++)
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      const attacker = new MemoryPeer();
      const connection = registry.connect(attacker.socket, canvas, person('participant', 1000 + i), 'invite');
      connection.receive(updateFrame(mutated));
      await registry.room(canvas).run(() => undefined);
      if (attacker.closed) refused++;
      if (!connection.isClosed) connection.socketClosed();
      source.destroy();
    }
    expect(refused).toBeGreaterThan(100);
    expectLoadable(registry.room(canvas).doc);
    victim.peer.deliver();
    expectLoadable(victim.peer.doc);
    await registry.close();
    const reloaded = openRegistry();
    await reloaded.room(canvas).loaded;
    expectLoadable(reloaded.room(canvas).doc);
    expect(await setAside.list(board.id)).toHaveLength(0);
    await reloaded.close();
  });
});

describe('a board grows only with its content (#16)', () => {
  it('drops the tldraw user records older clients wrote on each visit, without setting them aside', async () => {
    await storeBoardWith((visited) => {
      for (let i = 0; i < 20; i++)
        records(visited).push([{ key: `user:v${i}`, val: tldrawUser(`user:v${i}`) }]);
      records(visited).push([{ key: 'shape:kept', val: validNote('shape:kept') }]);
    });

    const registry = openRegistry();
    const room = registry.room(canvas);
    await room.loaded;
    const keys = (room.doc.getArray(CANVAS_RECORDS_ARRAY).toArray() as { key: string }[]).map((e) => e.key);
    expect(keys.filter((key) => key.startsWith('user:'))).toEqual([]);
    expect(keys).toContain('shape:kept');
    expect(await setAside.list(board.id)).toHaveLength(0);
    await registry.close();
  });
});

/** tldraw 5's user record, as its editor writes one for the browser's preferences. */
function tldrawUser(id: string) {
  return { id, typeName: 'user', name: 'Gość', color: '#1d4ed8', imageUrl: '', meta: {} };
}

/**
 * A new board's canvas stored with `write` applied straight to the store, as an older server
 * would have let it through.
 */
async function storeBoardWith(write: (doc: Y.Doc) => void): Promise<void> {
  const registry = openRegistry();
  await writeInitialDocuments(registry, board);
  await registry.close();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(await rebuild()));
  doc.transact(() => write(doc));
  await store.append('poison-board/canvas', Y.encodeStateAsUpdate(doc, Y.encodeStateVector(await rebuild())));
}

async function rebuild(): Promise<Y.Doc> {
  const stored = await store.load('poison-board/canvas');
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

function summaryText(doc: Y.Doc): string {
  return doc.getXmlFragment('body').toString();
}
