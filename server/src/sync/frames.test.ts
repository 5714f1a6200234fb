import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeAwarenessUpdate,
  decodeFrame,
  encodeAwarenessFrame,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  FrameError,
} from './frames';

describe('frames', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hi');
  const update = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);

  it('decodes what it encodes', () => {
    expect(decodeFrame(encodeSyncStep1(stateVector))).toEqual({ type: 'sync-step1', stateVector });
    expect(decodeFrame(encodeSyncStep2(update))).toMatchObject({ type: 'sync-step2', update });
    expect(decodeFrame(encodeUpdate(update))).toMatchObject({ type: 'sync-update', update });
    // The decoded structs travel with the update, for the room's rules to read.
    expect(decodeFrame(encodeUpdate(update))).toHaveProperty('decoded.structs.length', 1);
    const awareness = encodeAwarenessUpdate([{ clientId: 7, clock: 2, state: { a: 1 } }]);
    expect(decodeFrame(encodeAwarenessFrame(awareness))).toEqual({ type: 'awareness', update: awareness });
    expect(decodeAwarenessUpdate(awareness)).toEqual([{ clientId: 7, clock: 2, state: { a: 1 } }]);
    expect(decodeFrame(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
  });

  it.each([
    ['empty', []],
    ['unknown type', [42]],
    ['unknown sync type', [0, 9, 0]],
    ['truncated', [0, 2, 10, 1]],
    ['garbage update', [0, 2, 4, 255, 255, 255, 255]],
    ['trailing bytes', [...encodeUpdate(update), 1]],
    ['bad state vector', [0, 0, 3, 255, 255, 255]],
  ])('rejects a frame: %s', (_name, bytes) => {
    expect(() => decodeFrame(new Uint8Array(bytes))).toThrow(FrameError);
  });

  it('rejects awareness updates that are not JSON objects or are too many', () => {
    const notObject = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: null }]).slice();
    expect(decodeAwarenessUpdate(notObject)).toEqual([{ clientId: 1, clock: 1, state: null }]);
    const array = new TextEncoder().encode('[1]');
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, array.length, ...array]))).toThrow(
      FrameError,
    );
    const many = encodeAwarenessUpdate(
      Array.from({ length: 17 }, (_, i) => ({ clientId: i, clock: 1, state: {} })),
    );
    expect(() => decodeAwarenessUpdate(many)).toThrow(/too many/);
  });
});
