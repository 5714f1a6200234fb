import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '@empiria/shared';

/**
 * Pure encode/decode of y-websocket frames. Decoding is strict: a frame must hold exactly one
 * message of a known type whose payload Yjs can decode; anything else is a `FrameError`, which
 * closes that socket only.
 */
export type IncomingFrame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'sync-update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export class FrameError extends Error {
  override name = 'FrameError';
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes after the message');
  return payload;
}

function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    // Decodes every struct without touching a document: garbage fails here, before it can be
    // applied half-way. The room's rules read the same structs to judge the update.
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new FrameError(`undecodable update: ${(err as Error).message}`);
  }
}

export function decodeFrame(data: Uint8Array): IncomingFrame {
  if (data.byteLength === 0) throw new FrameError('empty frame');
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = readPayload(decoder);
        if (syncType === SyncMessageType.step1) {
          try {
            Y.decodeStateVector(payload);
          } catch (err) {
            throw new FrameError(`undecodable state vector: ${(err as Error).message}`);
          }
          return { type: 'sync-step1', stateVector: payload };
        }
        if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
          const decoded = decodeUpdate(payload);
          return {
            type: syncType === SyncMessageType.step2 ? 'sync-step2' : 'sync-update',
            update: payload,
            decoded,
          };
        }
        throw new FrameError(`unknown sync message type ${syncType}`);
      }
      case MessageType.awareness:
        return { type: 'awareness', update: readPayload(decoder) };
      case MessageType.queryAwareness:
        if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes after the message');
        return { type: 'query-awareness' };
      default:
        throw new FrameError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof FrameError) throw err;
    throw new FrameError(`malformed frame: ${(err as Error).message}`);
  }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncMessageType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncMessageType.step2, update);
export const encodeUpdate = (update: Uint8Array) => encodeSync(SyncMessageType.update, update);

export function encodeAwarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/**
 * A message that changes nothing on arrival: an awareness update with no entries. Sent to a
 * socket that would otherwise hear nothing for long enough that y-websocket's client closes it.
 */
export const KEEPALIVE_FRAME: Uint8Array = encodeAwarenessFrame(new Uint8Array([0]));

/** One client's entry in an awareness update (y-protocols/awareness's wire format). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** At most this many entries in one awareness update from a client: a browser tab sends one. */
const MAX_AWARENESS_ENTRIES = 16;

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_AWARENESS_ENTRIES) throw new FrameError(`too many awareness entries (${count})`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json: unknown = JSON.parse(decoding.readVarString(decoder));
      if (json !== null && (typeof json !== 'object' || Array.isArray(json))) {
        throw new FrameError('awareness state must be an object or null');
      }
      entries.push({ clientId, clock, state: json as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes after the awareness update');
    return entries;
  } catch (err) {
    if (err instanceof FrameError) throw err;
    throw new FrameError(`malformed awareness update: ${(err as Error).message}`);
  }
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
