import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
