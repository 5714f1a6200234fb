import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { format1, layoutFormat, SHEET, type SheetLayout } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY, type Role } from '@empiria/shared';
import { CanvasGuard } from './canvas-guard';
import { CanvasRecordIndex } from './canvas-record-index';
import type { RecordEntry } from './canvas-records';
import type { RoomMember } from '../sync/room-member';

const records = (doc: Y.Doc) => doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);

const member = (role: Role): RoomMember => ({
  id: `m-${role}`,
  role,
  personId: `p-${role}`,
  send: () => undefined,
  sendAll: () => undefined,
});

const template = (x: number) => ({
  id: 'shape:sheet-title',
  typeName: 'shape',
  type: 'geo',
  x,
  y: 0,
  parentId: 'page:page',
  props: { w: 100, h: 50 },
  meta: { empiria: { kind: 'template' } },
});
const note = (id: string, x: number, y: number, parentId = 'page:page') => ({
  id,
  typeName: 'shape',
  type: 'note',
  x,
  y,
  parentId,
  props: { scale: 1, growY: 0 },
});
const frame = (x: number, y: number) => ({
  id: 'shape:frame',
  typeName: 'shape',
  type: 'frame',
  x,
  y,
  parentId: 'page:page',
  props: { w: 400, h: 400 },
});

/** As a client's YKeyValue writes a record: its entries out, the new one pushed. */
function set(doc: Y.Doc, record: { id: string }): void {
  doc.transact(() => {
    const array = records(doc);
    const entries = array.toArray();
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.key === record.id) array.delete(i, 1);
    array.push([{ key: record.id, val: record }]);
  });
}

/** What every client reads: the last entry of each key. */
function board(doc: Y.Doc): Map<string, unknown> {
  return new Map(
    records(doc)
      .toArray()
      .map((entry) => [entry.key, entry.val]),
  );
}

/** The server's room and one client of it, the client's edits judged by `guard` as the room does. */
function room(guard: CanvasGuard, role: Role = 'participant') {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const who = member(role);
  return {
    server,
    client,
    /** The server writes (the template, a lead's edit), and the client catches up. */
    serverWrites(change: (doc: Y.Doc) => void) {
      server.transact(() => change(server), 'server');
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
    },
    /** The client edits; its update is applied through the guard, a correction in a transaction of its own. */
    clientWrites(change: (doc: Y.Doc) => void): boolean {
      const before = Y.encodeStateVector(server);
      change(client);
      const update = Y.encodeStateAsUpdate(client, before);
      const correction = guard.apply(server, update, who);
      if (correction) server.transact(() => correction(server), 'room');
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
      return correction !== null;
    },
  };
}

function expectIndexInStep(doc: Y.Doc): void {
  const index = CanvasRecordIndex.of(doc);
  const expected = new Map(
    records(doc)
      .toArray()
      .map((entry) => [entry.key, entry]),
  );
  expect(index.size).toBe(expected.size);
  for (const [key, entry] of expected) expect(index.current(key)).toBe(entry);
}

const unlocked = new CanvasGuard(() => ({ layout: null, lockedSteps: [] }));

describe('CanvasGuard', () => {
  it('lets a participant add, move and remove notes', () => {
    const { server, clientWrites } = room(unlocked);
    expect(clientWrites((doc) => set(doc, note('shape:n1', 10, 10)))).toBe(false);
    expect(clientWrites((doc) => set(doc, note('shape:n1', 20, 10)))).toBe(false);
    expect(clientWrites((doc) => records(doc).delete(0, 1))).toBe(false);
    expect(board(server).size).toBe(0);
    expectIndexInStep(server);
  });

  it('[C1] undoes a participant’s change of the template and leaves the rest of the update', () => {
    const { server, client, serverWrites, clientWrites } = room(unlocked);
    serverWrites((doc) => set(doc, template(0)));
    const refused = clientWrites((doc) => {
      set(doc, template(500));
      set(doc, note('shape:n1', 10, 10));
    });
    expect(refused).toBe(true);
    expect(board(server).get('shape:sheet-title')).toEqual(template(0));
    expect(board(server).get('shape:n1')).toEqual(note('shape:n1', 10, 10));
    expect(board(client)).toEqual(board(server));
    // The refused entry is gone, not left beside the restored one.
    expect(records(server).length).toBe(2);
    expectIndexInStep(server);
  });

  it('[C1] puts a template record a participant deleted back', () => {
    const { server, serverWrites, clientWrites } = room(unlocked);
    serverWrites((doc) => set(doc, template(0)));
    expect(clientWrites((doc) => records(doc).delete(0, 1))).toBe(true);
    expect(board(server).get('shape:sheet-title')).toEqual(template(0));
    expect(records(server).length).toBe(1);
    expectIndexInStep(server);
  });

  it('[C1] takes out an entry pushed beside the template’s without writing the template again', () => {
    const { server, serverWrites, clientWrites } = room(unlocked);
    serverWrites((doc) => set(doc, template(0)));
    const original = records(server).get(0);
    expect(clientWrites((doc) => records(doc).push([{ key: 'shape:sheet-title', val: template(900) }]))).toBe(
      true,
    );
    expect(records(server).toArray()).toEqual([original]);
    expect(CanvasRecordIndex.of(server).current('shape:sheet-title')).toBe(original);
  });

  it('[C1] lets a participant’s client tidy away a stale entry of the template: nothing anyone reads changed', () => {
    const { server, serverWrites, clientWrites } = room(unlocked);
    // Two entries for the template record, as concurrent writes leave them; the later one stands.
    serverWrites((doc) => records(doc).push([{ key: 'shape:sheet-title', val: template(0) }]));
    serverWrites((doc) => records(doc).push([{ key: 'shape:sheet-title', val: template(200) }]));
    // The client's YKeyValue deletes the older duplicate.
    expect(clientWrites((doc) => records(doc).delete(0, 1))).toBe(false);
    expect(
      records(server)
        .toArray()
        .map((entry) => entry.val),
    ).toEqual([template(200)]);
    expectIndexInStep(server);
  });

  it('lets the facilitator change the template', () => {
    const { server, serverWrites, clientWrites } = room(unlocked, 'facilitator');
    serverWrites((doc) => set(doc, template(0)));
    expect(clientWrites((doc) => set(doc, template(500)))).toBe(false);
    expect(board(server).get('shape:sheet-title')).toEqual(template(500));
  });

  it('[C2] judges a note in a frame by where the frame stands now', () => {
    const layout: SheetLayout = layoutFormat(format1);
    const [first, second] = layout.sheets;
    if (!first || !second) throw new Error('format 1 lays out at least two sheets');
    const guard = new CanvasGuard(() => ({ layout, lockedSteps: [second.stepId] }));
    const { server, serverWrites, clientWrites } = room(guard);
    // The frame on the first sheet (open), the note inside it near its corner.
    serverWrites((doc) => {
      set(doc, frame(first.x + 100, first.y + 100));
      set(doc, note('shape:n1', 20, 20, 'shape:frame'));
    });
    expect(clientWrites((doc) => set(doc, note('shape:n1', 30, 20, 'shape:frame')))).toBe(false);

    // The facilitator moves the frame onto the locked sheet; the note's own x and y, relative to
    // the frame, would still read as the first sheet without its parent.
    serverWrites((doc) => set(doc, frame(second.x + 100, second.y + 100)));
    expect(second.x).toBeGreaterThanOrEqual(SHEET.w);
    expect(clientWrites((doc) => set(doc, note('shape:n1', 40, 20, 'shape:frame')))).toBe(true);
    expect(board(server).get('shape:n1')).toEqual(note('shape:n1', 30, 20, 'shape:frame'));
    expectIndexInStep(server);
  });
});

describe('CanvasGuard and what a moved shape carries', () => {
  const layout: SheetLayout = layoutFormat(format1);
  const locked = layout.sheets[1];
  if (!locked) throw new Error('format 1 lays out at least two sheets');
  const small = (x: number, y: number) => ({ ...frame(x, y), props: { w: 10, h: 10 } });

  it('[C2] undoes the move of a parent that carries its note onto a locked sheet', () => {
    const guard = new CanvasGuard(() => ({ layout, lockedSteps: [locked.stepId] }));
    const { server, client, serverWrites, clientWrites } = room(guard);
    serverWrites((doc) => {
      set(doc, small(locked.x - 20_000, locked.y));
      set(doc, note('shape:n1', 10_300, 300, 'shape:frame'));
    });
    // The frame's own centre stays 10,000 units left of the sheet; its note lands on it.
    expect(clientWrites((doc) => set(doc, small(locked.x - 10_000, locked.y)))).toBe(true);
    expect(board(server).get('shape:frame')).toEqual(small(locked.x - 20_000, locked.y));
    expect(board(client)).toEqual(board(server));
    // Moved where the note stays off the sheets: allowed.
    expect(clientWrites((doc) => set(doc, small(locked.x - 20_000, locked.y + 500)))).toBe(false);
    expectIndexInStep(server);
  });

  it('[C2] undoes the move of a parent whose note, refused its own change, would still be carried', () => {
    const guard = new CanvasGuard(() => ({ layout, lockedSteps: [locked.stepId] }));
    const { server, serverWrites, clientWrites } = room(guard);
    serverWrites((doc) => {
      set(doc, small(locked.x - 20_000, locked.y));
      set(doc, note('shape:n1', 10_300, 300, 'shape:frame'));
    });
    const refused = clientWrites((doc) => {
      set(doc, small(locked.x - 10_000, locked.y));
      const edited = { ...note('shape:n1', 10_300, 300, 'shape:frame'), meta: { edited: true } };
      set(doc, edited);
    });
    expect(refused).toBe(true);
    expect(board(server).get('shape:frame')).toEqual(small(locked.x - 20_000, locked.y));
    expect(board(server).get('shape:n1')).toEqual(note('shape:n1', 10_300, 300, 'shape:frame'));
  });

  it('lets the facilitator move it', () => {
    const guard = new CanvasGuard(() => ({ layout, lockedSteps: [locked.stepId] }));
    const { server, serverWrites, clientWrites } = room(guard, 'facilitator');
    serverWrites((doc) => {
      set(doc, small(locked.x - 20_000, locked.y));
      set(doc, note('shape:n1', 10_300, 300, 'shape:frame'));
    });
    expect(clientWrites((doc) => set(doc, small(locked.x - 10_000, locked.y)))).toBe(false);
    expect(board(server).get('shape:frame')).toEqual(small(locked.x - 10_000, locked.y));
  });
});
