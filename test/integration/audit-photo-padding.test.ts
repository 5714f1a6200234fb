import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { noisePng, pngWithLocation } from '../support/images';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

/**
 * AUDIT (2026-12-01), fixed: [U2]/[U7] walked a PNG's chunks and checked their checksums, but
 * never the image data: a 1 × 1 px PNG whose IDAT carried 9 MB of random bytes after its (valid)
 * deflate stream was taken and stored whole, and put on the canvas. With no cap on a board's
 * photos, one participant stored ~1.2 GB per 10 minutes per address ([R4]'s 120 uploads × 10 MB).
 * Now a photo keeps no more than its pixels need ([U8]) and a board's photos have a quota ([U9]),
 * set small here: 3 photos, 1 MiB.
 */
const setup = serverPerFile({ env: { MAX_PHOTOS_PER_BOARD: '3', MAX_PHOTO_MB_PER_BOARD: '1' } });

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A `width`×`height` RGB PNG (black) whose IDAT carries `padding` random bytes after its zlib stream. */
function paddedPng(padding: number, width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixels = zlib.deflateSync(Buffer.alloc(height * (1 + 3 * width)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat([pixels, randomBytes(padding)])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function participant(title: string): Promise<{ boardId: string; ala: JoinResponse }> {
  const board = await createBoard(setup.server, title);
  const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
  return { boardId: board.id, ala };
}

async function upload(
  boardId: string,
  ala: JoinResponse,
  body: Buffer,
): Promise<{
  status: number;
  code?: string;
  message?: string;
  photo?: { url: string; width: number; height: number };
}> {
  const res = await fetch(`${setup.server.baseUrl}/api/boards/${boardId}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ala.sessionToken}`, 'content-type': 'image/png' },
    body: new Uint8Array(body),
  });
  const answer = (await res.json()) as {
    photo?: { url: string; width: number; height: number };
    error?: { code: string; message: string };
  };
  return {
    status: res.status,
    code: answer.error?.code,
    message: answer.error?.message,
    photo: answer.photo,
  };
}

async function photoShapes(boardId: string, ala: JoinResponse): Promise<number> {
  const canvas = await connectDoc(setup.server, boardId, 'canvas', ala.sessionToken);
  const records = new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
  const count = [...records.map.keys()].filter((key) => key.startsWith('shape:photo-')).length;
  canvas.destroy();
  return count;
}

const photoFiles = () => fs.readdirSync(path.join(setup.server.dataDir, 'photos'));

describe('AUDIT [U8] a photo keeps only what shows the picture', () => {
  it('a 1 × 1 px PNG padded with 9 MB after its image data is refused, and nothing is stored', async () => {
    const { boardId, ala } = await participant('padded photo');
    const before = photoFiles().length;
    const refused = await upload(boardId, ala, paddedPng(9_000_000));
    expect(refused).toMatchObject({ status: 422, code: 'image_invalid' });
    expect(refused.message).toMatch(/more than its size can need/);
    // Padding small enough to fit what 200 × 100 px could need is found when the data is inflated.
    expect(await upload(boardId, ala, paddedPng(20_000, 200, 100))).toMatchObject({
      status: 422,
      code: 'image_invalid',
      message: expect.stringMatching(/20000 bytes after the end of the image data/) as unknown,
    });
    expect(photoFiles()).toHaveLength(before);
    expect(await photoShapes(boardId, ala)).toBe(0);

    // The same pixel without the padding is taken, and stored at its size.
    const taken = await upload(boardId, ala, paddedPng(0));
    expect(taken).toMatchObject({ status: 201, photo: { width: 1, height: 1 } });
    const stored = await fetch(`${setup.server.baseUrl}${taken.photo!.url}`);
    await stored.arrayBuffer();
    expect(Number(stored.headers.get('content-length'))).toBeLessThan(1024);
  });
});

describe('[U9] a board’s photos have a quota', () => {
  it('one photo more than MAX_PHOTOS_PER_BOARD is refused with 409, and not stored', async () => {
    const { boardId, ala } = await participant('three photos');
    for (let i = 0; i < 3; i++) expect((await upload(boardId, ala, pngWithLocation())).status).toBe(201);
    const before = photoFiles().length;
    const refused = await upload(boardId, ala, pngWithLocation());
    expect(refused).toMatchObject({ status: 409, code: 'photo_quota_exceeded' });
    expect(refused.message).toMatch(/no room for more photos: it holds 3 photos/);
    expect(photoFiles()).toHaveLength(before);
    expect(await photoShapes(boardId, ala)).toBe(3);
    // Another board has its own quota.
    const other = await participant('another board');
    expect((await upload(other.boardId, other.ala, pngWithLocation())).status).toBe(201);
  });

  it('a photo that would take the board’s photos past MAX_PHOTO_MB_PER_BOARD is refused; a smaller one fits', async () => {
    const { boardId, ala } = await participant('a megabyte of photos');
    // 640 × 320 px of noise: ~600 kB that no compression makes smaller.
    const noise = () => noisePng(640, 320);
    expect(noise().length).toBeGreaterThan(600_000);
    expect((await upload(boardId, ala, noise())).status).toBe(201);
    const before = photoFiles().length;
    const refused = await upload(boardId, ala, noise());
    expect(refused).toMatchObject({ status: 409, code: 'photo_quota_exceeded' });
    expect(refused.message).toMatch(/does not fit on this board/);
    expect(photoFiles()).toHaveLength(before);
    expect((await upload(boardId, ala, pngWithLocation())).status).toBe(201);
    expect(await photoShapes(boardId, ala)).toBe(2);
  });
});
