import {
  isBoardRoom,
  writeControlKey,
  readControlKey,
  type BoardInfo,
  type RoomAddress,
} from '@empiria/shared';
import { canvasGuardFor } from '../canvas/canvas-guard';
import { CanvasDocumentRules } from '../canvas/canvas-document-rules';
import { ControlDocumentRules } from '../facilitation/control-document-rules';
import type { Logger } from '../log';
import type { SetAsideRecord, SetAsideStore } from '../storage/set-aside-store';
import { StreamDocumentRules } from '../stream/stream-document-rules';
import { SummaryDocumentRules } from '../summary/summary-document-rules';
import type { DocumentRules } from '../sync/document-rules';
import type { RoomRegistry } from '../sync/room-registry';

/**
 * The rules of each of a board's documents (docs/security.md [D1]–[D6]): the canvas, the control
 * document and the meeting notes. Records set aside on load are kept in `setAside` and counted in
 * the control document, where the facilitator's console shows them.
 */
export function boardDocumentRules(deps: {
  /** The board as stored: the canvas guard lays out the sheets of the format it follows. */
  boardOf: (boardId: string) => Promise<BoardInfo | null>;
  setAside: SetAsideStore;
  log: Logger;
  /** The canvas's quota; the default is CANVAS_LIMITS.maxBoardBytes. */
  canvasLimits?: { maxBoardBytes: number };
}): (address: RoomAddress, rooms: RoomRegistry) => DocumentRules | null {
  return (address, rooms) => {
    // A network's rooms have their own rules (networks/network-document-rules.ts).
    if (!isBoardRoom(address)) return null;
    switch (address.doc) {
      case 'canvas': {
        const guarded = canvasGuardFor(address, rooms, deps.boardOf);
        return new CanvasDocumentRules({
          boardId: address.boardId,
          guard: guarded?.guard ?? null,
          guardReady: () => guarded?.ready() ?? Promise.resolve(),
          onSetAside: (records) => reportSetAside(records, rooms, deps),
          ...(deps.canvasLimits ? { limits: deps.canvasLimits } : {}),
        });
      }
      case 'control':
        return new ControlDocumentRules();
      case 'summary':
        return new SummaryDocumentRules({
          boardId: address.boardId,
          onSetAside: (records) => reportSetAside(records, rooms, deps),
        });
      case 'stream-canvas':
      case 'stream-control':
        return new StreamDocumentRules({ address, rooms, boardOf: deps.boardOf, log: deps.log });
    }
  };
}

function reportSetAside(
  records: SetAsideRecord[],
  rooms: RoomRegistry,
  deps: { setAside: SetAsideStore; log: Logger },
): void {
  const first = records[0];
  if (!first) return;
  deps.log.warn('set aside records no client could read', {
    board: first.boardId,
    doc: first.doc,
    count: records.length,
    reasons: [...new Set(records.map((r) => r.reason))].slice(0, 5),
  });
  // Stored in the background: this runs inside the room's load, which cannot wait for the database.
  deps.setAside
    .add(records)
    .catch((err: unknown) => deps.log.error('could not store set-aside records', { err }));
  // Queued on the control room, not awaited: this runs inside the canvas room's load.
  void rooms
    .room({ boardId: first.boardId, doc: 'control' })
    .transact((doc) => {
      const previous = readControlKey(doc, 'setAside')?.count ?? 0;
      writeControlKey(doc, 'setAside', { count: previous + records.length, lastAt: first.at });
    })
    .catch((err: unknown) => deps.log.error('could not report set-aside records', { err }));
}
