/**
 * Photo uploads against a real server process: the files an attacker sent (issue #9) are refused
 * with the right status before they reach the canvas, and the crafted 10 MB JPEG of millions of
 * empty segments no longer holds up the event loop every board's live sync runs on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { emptySegmentsWithin, jpegPhoto, pngDeclaring, pngWithLocation } from '../support/images';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

const TEN_MB = 10 * 1024 * 1024;

// Debug logs: the test waits for "photo received" to know the server is working on a file.
const setup = serverPerFile({ env: { LOG_LEVEL: 'debug' } });
let boardId: string;
let ala: JoinResponse;

beforeAll(async () => {
  // Debug logs: the test waits for "photo received" to know the server is working on a file.
  const board = await createBoard(setup.server, 'Bomby', 'format-2');
  boardId = board.id;
  ala = await join(setup.server, boardId, board.invites.participant, 'Ala', 'Gdynia');
});

const upload = (body: Buffer, type: string) =>
  fetch(`${setup.server.baseUrl}/api/boards/${boardId}/photos?stepId=barriers`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${ala.sessionToken}` },
    body: new Uint8Array(body),
  });

async function refusal(body: Buffer, type: string): Promise<{ status: number; code: string }> {
  const res = await upload(body, type);
  const answer = (await res.json()) as { error?: { code?: string } };
  return { status: res.status, code: answer.error?.code ?? '(no error)' };
}

const photoFiles = () => fs.readdirSync(path.join(setup.server.dataDir, 'photos'));

async function photoShapes(): Promise<{ w: number; h: number }[]> {
  const canvas = await connectDoc(setup.server, boardId, 'canvas', ala.sessionToken);
  const kv = new YKeyValue<{ props?: { w: number; h: number } }>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
  const shapes = [...kv.map.entries()]
    .filter(([key]) => key.startsWith('shape:photo-'))
    .map(([, entry]) => ({ w: entry.val.props?.w ?? NaN, h: entry.val.props?.h ?? NaN }));
  canvas.destroy();
  return shapes;
}

describe('decompression bombs', () => {
  it('[U1] declared sizes no browser should decode are refused with 422, before the canvas', async () => {
    const bomb = pngDeclaring(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100 * 1024); // ~48 kB: 1.6 GB once decoded
    expect(await refusal(bomb, 'image/png')).toEqual({ status: 422, code: 'image_too_large' });
    expect(await refusal(pngDeclaring(0xffffffff, 0xffffffff), 'image/png')).toEqual({
      status: 422,
      code: 'image_invalid',
    });
    expect(await refusal(pngDeclaring(0, 0), 'image/png')).toEqual({ status: 422, code: 'image_invalid' });
    expect(await refusal(jpegPhoto(65_535, 65_535), 'image/jpeg')).toEqual({
      status: 422,
      code: 'image_too_large',
    });
    expect(await photoShapes()).toEqual([]);
    expect(photoFiles()).toEqual([]);
  });

  it('[U2] truncated files and wrong magic are refused', async () => {
    const photo = jpegPhoto(4032, 3024);
    expect(await refusal(photo.subarray(0, 200), 'image/jpeg')).toEqual({
      status: 422,
      code: 'image_invalid',
    });
    const png = pngWithLocation();
    expect(await refusal(png.subarray(0, png.length - 20), 'image/png')).toEqual({
      status: 422,
      code: 'image_invalid',
    });
    expect(await refusal(Buffer.from('GIF89a not a photo'), 'image/jpeg')).toEqual({
      status: 415,
      code: 'not_an_image',
    });
    expect(photoFiles()).toEqual([]);
  });
});

describe('a crafted JPEG of millions of empty segments', () => {
  it('[U2] [U3] is refused, and the server answers other requests while it works on it', async () => {
    const bomb = jpegPhoto(4032, 3024, { emptySegments: emptySegmentsWithin(TEN_MB) });
    expect(bomb.length).toBeLessThanOrEqual(TEN_MB);
    expect(bomb.length).toBeGreaterThan(TEN_MB - 1024);

    // A connection for the health check, open before the upload starts: its timing is the server's.
    await (await fetch(`${setup.server.baseUrl}/healthz`)).arrayBuffer();
    const answered: string[] = [];
    const uploading = upload(bomb, 'image/jpeg').then((res) => {
      answered.push('upload');
      return res;
    });
    // The whole body is in; the server is now checking it.
    await setup.server.waitForLog(
      (record) => record.msg === 'photo received' && record.bytes === bomb.length,
      30_000,
    );
    const health = await fetch(`${setup.server.baseUrl}/healthz`);
    answered.push(`health ${health.status}`);
    const res = await uploading;

    // Cleaning on the event loop (as before the fix) held the health check for 1.5–3 s, until
    // after the upload's answer. Now the check is answered in milliseconds while the worker
    // (tens of milliseconds just to start) is still at work.
    expect(answered).toEqual(['health 200', 'upload']);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('image_too_complex');
    // …and it is still up.
    expect((await fetch(`${setup.server.baseUrl}/healthz`)).status).toBe(200);
    expect(setup.server.exitCode()).toBeUndefined();
    expect(photoFiles()).toEqual([]);
  });
});

describe('a real phone photo, after all of that', () => {
  it('[U6] [U7] is taken: location stripped, on the canvas at a bounded size', async () => {
    const res = await upload(jpegPhoto(4032, 3024, { orientation: 6 }), 'image/jpeg');
    expect(res.status).toBe(201);
    const { photo } = (await res.json()) as { photo: { url: string; width: number; height: number } };
    expect(photo).toMatchObject({ width: 4032, height: 3024 });
    const served = Buffer.from(await (await fetch(setup.server.baseUrl + photo.url)).arrayBuffer());
    expect(served.includes('GPS')).toBe(false);
    expect(served.includes('Gdynia')).toBe(false);
    expect(served.includes('Exif')).toBe(false);
    const shapes = await photoShapes();
    expect(shapes).toHaveLength(1);
    // Half a sheet wide at most (stored 4032×3024, turned upright by orientation 6 when shown).
    expect(shapes[0]?.w).toBeLessThanOrEqual(1000);
    expect(shapes[0]?.h).toBeLessThanOrEqual(1400);
    expect(shapes[0]?.w).toBeGreaterThan(500);
    expect(photoFiles()).toHaveLength(1);
  });
});
