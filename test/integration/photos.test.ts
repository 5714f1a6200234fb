import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { pngWithLocation } from '../support/images';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

const setup = serverPerFile();
let boardId: string;
let ala: JoinResponse;
let olga: JoinResponse;
let otherBoardAla: JoinResponse;

beforeAll(async () => {
  const board = await createBoard(setup.server, 'Zdjęcia arkuszy', 'format-2');
  boardId = board.id;
  ala = await join(setup.server, boardId, board.invites.participant, 'Ala', 'Gdynia');
  olga = await join(setup.server, boardId, board.invites.observer, 'Olga', 'Oslo');
  const other = await createBoard(setup.server, 'Inna tablica', 'format-2');
  otherBoardAla = await join(setup.server, other.id, other.invites.participant, 'Ala', 'Gdynia');
});

const upload = (token: string | null, body: Buffer, type = 'image/png', step = 'barriers') =>
  fetch(`${setup.server.baseUrl}/api/boards/${boardId}/photos?stepId=${step}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });

/**
 * The status answered to an upload that declares `bytes` and sends only its headers: the server
 * refuses an oversized body from its declared length and closes the connection, so a client still
 * writing 11 MB could get EPIPE instead of the answer.
 */
function declaredUploadStatus(token: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${setup.server.baseUrl}/api/boards/${boardId}/photos?stepId=barriers`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'content-length': bytes, authorization: `Bearer ${token}` },
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.once('error', reject);
    req.flushHeaders();
  });
}

describe('photos of paper sheets', () => {
  it('are stored without their location and shown below their sheet for everyone', async () => {
    const canvas = await connectDoc(setup.server, boardId, 'canvas', ala.sessionToken);
    const res = await upload(ala.sessionToken, pngWithLocation());
    expect(res.status).toBe(201);
    const { photo } = (await res.json()) as {
      photo: { id: string; url: string; width: number; height: number };
    };
    expect(photo).toMatchObject({ width: 40, height: 30 });

    const served = await fetch(setup.server.baseUrl + photo.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.includes('Gdynia')).toBe(false);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');

    const kv = new YKeyValue<{ type?: string; y?: number; props?: { assetId?: string; src?: string } }>(
      canvas.doc.getArray(CANVAS_RECORDS_ARRAY),
    );
    await canvas.waitFor(() => kv.has(`shape:photo-${photo.id}`), 10_000, 'photo on the canvas');
    const shape = kv.get(`shape:photo-${photo.id}`);
    expect(shape?.type).toBe('image');
    expect(shape?.y).toBeGreaterThan(1980); // below the sheet
    expect(kv.get(`asset:photo-${photo.id}`)?.props?.src).toBe(photo.url);
    canvas.destroy();
  });

  it('refuses what is not an image, too large, or not allowed — and stores nothing', async () => {
    const pdf = await upload(ala.sessionToken, Buffer.from('%PDF-1.7 not a photo'), 'image/png');
    expect(pdf.status).toBe(415);
    expect(((await pdf.json()) as { error: { code: string } }).error.code).toBe('not_an_image');
    expect((await upload(ala.sessionToken, Buffer.from('<svg/>'), 'image/svg+xml')).status).toBe(415);
    expect(await declaredUploadStatus(ala.sessionToken, 11 * 1024 * 1024)).toBe(413);
    expect((await upload(null, pngWithLocation())).status).toBe(401);
    expect((await upload(olga.sessionToken, pngWithLocation())).status).toBe(403);
    expect((await upload(otherBoardAla.sessionToken, pngWithLocation())).status).toBe(401);
    expect((await upload(ala.sessionToken, pngWithLocation(), 'image/png', 'no-such-step')).status).toBe(400);
    const canvas = await connectDoc(setup.server, boardId, 'canvas', ala.sessionToken);
    const photos = new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
    expect([...photos.map.keys()].filter((key) => key.startsWith('shape:photo-'))).toHaveLength(1);
    // …and only the one good photo's file on disk, no partial files.
    expect(fs.readdirSync(path.join(setup.server.dataDir, 'photos'))).toHaveLength(1);
    canvas.destroy();
  });
});
