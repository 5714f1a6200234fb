import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBoard, join } from '../support/api';
import { serverPerFile } from '../support/server-per-file';

/**
 * AUDIT: [U2]/[U7] walk a PNG's chunks and check their checksums, but never the image data: a
 * 1 × 1 px PNG whose IDAT carries 9 MB of random bytes after its (valid) deflate stream is taken
 * and stored whole, and put on the canvas. With no per-board or per-installation cap on photos,
 * one participant stores ~1.2 GB per 10 minutes per address ([R4]'s 120 uploads × 10 MB).
 * States what "only what shows the picture is kept" promises; fails on the audited code.
 */
const setup = serverPerFile();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function paddedPng(padding: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixels = zlib.deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat([pixels, randomBytes(padding)])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('AUDIT [U7] a photo keeps only what shows the picture', () => {
  it('a 1 × 1 px PNG padded with 9 MB after its image data is refused or stored without the padding', async () => {
    const board = await createBoard(setup.server, 'padded photo');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const upload = await fetch(`${setup.server.baseUrl}/api/boards/${board.id}/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ala.sessionToken}`, 'content-type': 'image/png' },
      body: new Uint8Array(paddedPng(9_000_000)),
    });
    const answer = (await upload.json()) as { photo?: { url: string; width: number; height: number } };
    if (upload.status === 422) return;
    expect(upload.status).toBe(201);
    expect(answer.photo).toMatchObject({ width: 1, height: 1 });
    const stored = await fetch(`${setup.server.baseUrl}${answer.photo!.url}`);
    await stored.arrayBuffer();
    // On the audited code: 9,000,000+ bytes kept for one pixel.
    expect(Number(stored.headers.get('content-length'))).toBeLessThan(64 * 1024);
  });
});
