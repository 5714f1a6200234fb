import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANVAS_LIMITS, MAX_SHAPE_DEPTH } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY, jsonBytes } from '@empiria/shared';
import { CanvasDocumentRules } from './canvas-document-rules';
import type { RecordEntry } from './canvas-records';
import { noteRecord } from './note-record';
import { inspectUpdate } from '../sync/update-inspection';
import type { RoomMember } from '../sync/room-member';

const records = (doc: Y.Doc) => doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);

const participant: RoomMember = {
  id: 'm-1',
  role: 'participant',
  personId: 'p-1',
  send: () => undefined,
  sendAll: () => undefined,
};

const note = (id: string, text: string) =>
  noteRecord({ id, text, x: 100, y: 100, index: 'a9' as never, color: 'yellow' });

/** The room's order for a member's update: judged on the update's structs, then applied. */
async function send(rules: CanvasDocumentRules, server: Y.Doc, client: Y.Doc, change: () => void) {
  const before = Y.encodeStateVector(server);
  change();
  const update = Y.encodeStateAsUpdate(client, before);
  const refusal = rules.refusal(inspectUpdate(server, Y.decodeUpdate(update)), participant, server);
  if (refusal === null) await rules.apply(server, update, participant);
  else Y.applyUpdate(client, Y.encodeStateAsUpdate(server)); // (the test's client keeps going)
  return refusal;
}

function rulesWithQuota(maxBoardBytes: number): CanvasDocumentRules {
  return new CanvasDocumentRules({
    boardId: 'b-1',
    guard: null,
    guardReady: () => Promise.resolve(),
    onSetAside: () => undefined,
    limits: { maxBoardBytes },
  });
}

describe('[D5] the quota counts the board as clients read it', () => {
  const big = note('shape:a', 'x'.repeat(4000));
  const small = note('shape:a', 'krótka');
  const other = (i: number) => note(`shape:o${i}`, 'y'.repeat(1500));

  it('counts a replaced record once, and a deleted one not at all', async () => {
    const quota = jsonBytes(big) + jsonBytes(other(1)) + 100;
    const rules = rulesWithQuota(quota);
    const server = new Y.Doc();
    const client = new Y.Doc();
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:a', val: big }])),
    ).toBeNull();
    // Replaced by a record of the same size, many times over: still one record's worth.
    for (let i = 0; i < 5; i++) {
      const replaced = await send(rules, server, client, () =>
        client.transact(() => {
          records(client).delete(0, 1);
          records(client).push([{ key: 'shape:a', val: note('shape:a', String(i).repeat(4000)) }]);
        }),
      );
      expect(replaced).toBeNull();
    }
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:o1', val: other(1) }])),
    ).toBeNull();
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:o2', val: other(2) }])),
    ).toMatch(/quota/);
    // The big one deleted: the room it took is free again.
    expect(await send(rules, server, client, () => records(client).delete(0, 1))).toBeNull();
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:o2', val: other(2) }])),
    ).toBeNull();
  });

  it('counts an older entry of a record again when the one that stood for it is deleted', async () => {
    const quota = jsonBytes(big) + jsonBytes(other(1)) + 100;
    const rules = rulesWithQuota(quota);
    const server = new Y.Doc();
    const client = new Y.Doc();
    // Two entries for shape:a (as concurrent edits leave them): the big one first, the small one
    // standing for the record.
    expect(
      await send(rules, server, client, () =>
        records(client).push([
          { key: 'shape:a', val: big },
          { key: 'shape:a', val: small },
        ]),
      ),
    ).toBeNull();
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:o1', val: other(1) }])),
    ).toBeNull();
    // The small entry deleted: every client reads the big one now, and the board holds it.
    expect(await send(rules, server, client, () => records(client).delete(1, 1))).toBeNull();
    expect(
      records(server)
        .toArray()
        .map((entry) => entry.val),
    ).toEqual([big, other(1)]);
    expect(
      await send(rules, server, client, () => records(client).push([{ key: 'shape:o2', val: other(2) }])),
    ).toMatch(/quota/);
  });
});

describe('[D3] no chain of parents loops or goes deeper than MAX_SHAPE_DEPTH', () => {
  const rules = () => rulesWithQuota(CANVAS_LIMITS.maxBoardBytes);
  const inside = (id: string, parentId: string) => ({ ...note(id, id), parentId });
  const set = (client: Y.Doc, record: { id: string }) =>
    client.transact(() => {
      const array = records(client);
      const at = array.toArray().findIndex((entry) => entry.key === record.id);
      if (at >= 0) array.delete(at, 1);
      array.push([{ key: record.id, val: record }]);
    });

  it('refuses the update that closes a loop, whoever wrote the rest of it', async () => {
    const r = rules();
    const server = new Y.Doc();
    const client = new Y.Doc();
    expect(
      await send(r, server, client, () => {
        set(client, inside('shape:a', 'page:page'));
        set(client, inside('shape:b', 'shape:a'));
        set(client, inside('shape:c', 'shape:b'));
      }),
    ).toBeNull();
    expect(await send(r, server, client, () => set(client, inside('shape:a', 'shape:c')))).toMatch(/loop/);
    // A refused client starts again from the server's copy ([D1]).
    const again = new Y.Doc();
    Y.applyUpdate(again, Y.encodeStateAsUpdate(server));
    expect(await send(r, server, again, () => set(again, inside('shape:b', 'shape:b')))).toMatch(/loop/);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    // Moving a shape elsewhere in its own chain is fine.
    expect(await send(r, server, fresh, () => set(fresh, inside('shape:c', 'shape:a')))).toBeNull();
  });

  it('refuses a chain grown too deep from below: a chain hung under another', async () => {
    const r = rules();
    const server = new Y.Doc();
    const client = new Y.Doc();
    const half = MAX_SHAPE_DEPTH / 2 + 1;
    for (const prefix of ['x', 'y']) {
      expect(
        await send(r, server, client, () => {
          for (let i = 0; i < half; i++)
            set(client, inside(`shape:${prefix}${i}`, i === 0 ? 'page:page' : `shape:${prefix}${i - 1}`));
        }),
      ).toBeNull();
    }
    // Each chain's top is the only record written: the depth is below it.
    expect(
      await send(r, server, client, () => set(client, inside('shape:y0', `shape:x${half - 1}`))),
    ).toMatch(/deeper than 32/);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    expect(await send(r, server, fresh, () => set(fresh, inside('shape:y0', 'shape:x3')))).toBeNull();
  });

  it('cannot hide a loop in an entry that does not stand yet', async () => {
    const r = rules();
    const server = new Y.Doc();
    const client = new Y.Doc();
    expect(
      await send(r, server, client, () => {
        set(client, inside('shape:a', 'page:page'));
        set(client, inside('shape:b', 'page:page'));
      }),
    ).toBeNull();
    // A second entry for shape:a, in b, inserted before the one that stands (so it does not).
    const hidden = await send(r, server, client, () =>
      records(client).insert(0, [{ key: 'shape:a', val: inside('shape:a', 'shape:b') }]),
    );
    // Allowed: whichever entry stands, no loop yet. So is b in a (a's standing entry is on the page).
    expect(hidden).toBeNull();
    expect(await send(r, server, client, () => set(client, inside('shape:b', 'shape:a')))).toBeNull();
    // Deleting the entry that stands would let the hidden one stand: a in b in a.
    const exposed = await send(r, server, client, () =>
      records(client).delete(
        records(client)
          .toArray()
          .findLastIndex((entry) => entry.key === 'shape:a'),
        1,
      ),
    );
    expect(exposed).toMatch(/loop/);
  });
});

describe('[D5] the quota and records pushed one after another', () => {
  it('counts as deleted only the record deleted, not its neighbours Yjs keeps in one item', async () => {
    const first = note('shape:a', 'x'.repeat(3000));
    const second = note('shape:b', 'y'.repeat(3000));
    const third = note('shape:c', 'z'.repeat(3000));
    const rules = rulesWithQuota(jsonBytes(first) + jsonBytes(second) + jsonBytes(third) + 100);
    const server = new Y.Doc();
    const client = new Y.Doc();
    for (const record of [first, second, third])
      expect(
        await send(rules, server, client, () => records(client).push([{ key: record.id, val: record }])),
      ).toBeNull();
    // Deleting the first while adding one as big: still full, whatever Yjs merged.
    const refusal = await send(rules, server, client, () =>
      client.transact(() => {
        records(client).delete(0, 1);
        records(client).push([{ key: 'shape:d', val: note('shape:d', 'w'.repeat(6000)) }]);
      }),
    );
    expect(refusal).toMatch(/quota/);
  });
});
