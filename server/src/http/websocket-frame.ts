/**
 * A server's binary websocket message as it goes on the wire (RFC 6455 §5.2): one final frame,
 * opcode 2, unmasked (a server never masks), no extension bits (we run without permessage-deflate).
 *
 * Why we frame ourselves: a room sends the same frame to hundreds of members in one send ([S9]).
 * Through `ws.send` each member costs a header of its own, an options object and a two-buffer write;
 * framed once, every member's socket gets the very same bytes. Unmasked frames carry nothing
 * per-connection, which is what makes the bytes shareable.
 */
const BINARY_FINAL = 0x82;

export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerBytes = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = BINARY_FINAL;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    // Frames are bounded far below 2^53 (MAX_FRAME_BYTES); the upper word is the length's high part.
    frame.writeUInt32BE(Math.floor(length / 0x100000000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerBytes);
  return frame;
}

/**
 * Each payload framed once, however many sockets it goes to: keyed by the payload itself, so a frame
 * is forgotten with it.
 */
export class SharedFrames {
  readonly #framed = new WeakMap<Uint8Array, Buffer>();

  of(payload: Uint8Array): Buffer {
    let frame = this.#framed.get(payload);
    if (!frame) {
      frame = binaryFrame(payload);
      this.#framed.set(payload, frame);
    }
    return frame;
  }
}
