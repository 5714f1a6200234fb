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

/** The header of a binary frame carrying `length` bytes. */
export function binaryFrameHeader(length: number): Buffer {
  const header = Buffer.allocUnsafe(headerLength(length));
  writeHeader(header, length);
  return header;
}

/** Header and payload in one buffer: one copy of the payload, one write for any number of sockets. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerBytes = headerLength(length);
  const frame = Buffer.allocUnsafe(headerBytes + length);
  writeHeader(frame, length);
  frame.set(payload, headerBytes);
  return frame;
}

function headerLength(length: number): number {
  return length < 126 ? 2 : length < 0x10000 ? 4 : 10;
}

function writeHeader(target: Buffer, length: number): void {
  target[0] = BINARY_FINAL;
  if (length < 126) {
    target[1] = length;
  } else if (length < 0x10000) {
    target[1] = 126;
    target.writeUInt16BE(length, 2);
  } else {
    target[1] = 127;
    // Frames are bounded far below 2^53 (MAX_FRAME_BYTES); the upper word is the length's high part.
    target.writeUInt32BE(Math.floor(length / 0x100000000), 2);
    target.writeUInt32BE(length >>> 0, 6);
  }
}

/**
 * Each payload framed once, however many sockets it goes to: keyed by the payload itself, so a frame
 * is forgotten with it. A list of payloads that goes to many sockets (the room's send, the same list
 * object for every member) is framed once too, into one buffer: one write per socket, without a
 * writev's gathering.
 */
export class SharedFrames {
  readonly #framed = new WeakMap<Uint8Array, Buffer>();
  readonly #lists = new WeakMap<readonly Uint8Array[], Buffer>();

  of(payload: Uint8Array): Buffer {
    let frame = this.#framed.get(payload);
    if (!frame) {
      frame = binaryFrame(payload);
      this.#framed.set(payload, frame);
    }
    return frame;
  }

  /** The payloads' frames back to back; the list must not change once it was handed over. */
  ofAll(payloads: readonly Uint8Array[]): Buffer {
    if (payloads.length === 1) return this.of(payloads[0] as Uint8Array);
    let frames = this.#lists.get(payloads);
    if (!frames) {
      frames = Buffer.concat(payloads.map((payload) => this.of(payload)));
      this.#lists.set(payloads, frames);
    }
    return frames;
  }
}
