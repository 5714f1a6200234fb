import fs from 'node:fs';
import { photoIdSchema, stepIdSchema, type PhotoUploadResponse } from '@empiria/shared';
import type { PhotoService } from '../../photos/photo-service';
import { MAX_PHOTO_BYTES } from '../../photos/photo-service';
import type { ApiContext } from '../api-context';
import { HttpError, notFound, sendJson } from '../http-error';
import { readRawBody } from '../raw-body';
import type { Route } from './route';

/**
 * Photos of paper sheets: uploaded by anyone working on the board (a phone's camera through the
 * browser), served back by id. Ids are 96 random bits, so a photo's address is known only to the
 * board it is on (the canvas holds it); the image is served with a policy that runs nothing.
 */
export function createPhotoRoutes(ctx: ApiContext, photos: PhotoService): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/photos$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireWorker(req, boardId);
        const type = req.headers['content-type'] ?? '';
        if (!/^image\/(jpeg|png|webp)\b/i.test(type)) {
          req.resume();
          throw new HttpError(415, 'not_an_image', 'Send a JPEG, PNG or WebP photo (Content-Type: image/…).');
        }
        const rawStep = new URL(req.url ?? '', 'http://x').searchParams.get('stepId');
        const stepId = rawStep === null ? null : stepIdSchema.safeParse(rawStep);
        if (stepId && !stepId.success) throw new HttpError(400, 'bad_request', 'stepId is not a step id.');
        try {
          // Turned away before 10 MB are read when the photo workers are all busy ([U5]), or
          // when the board has no room for another photo ([U9]).
          photos.refuseIfBusy();
          await photos.refuseIfBoardFull(boardId);
        } catch (err) {
          req.resume();
          throw err;
        }
        const bytes = await readRawBody(req, MAX_PHOTO_BYTES);
        // Marks when the checks start (test/integration/upload-bombs.test.ts waits for it).
        ctx.log.debug('photo received', { board: boardId, bytes: bytes.length });
        const photo = await photos.upload(actor.board, actor.identity, stepId?.data ?? null, bytes);
        ctx.log.info('photo attached', {
          board: boardId,
          photo: photo.id,
          bytes: photo.bytes,
          step: photo.stepId,
        });
        const answer: PhotoUploadResponse = {
          photo: {
            id: photo.id,
            url: `/api/photos/${photo.id}`,
            width: photo.width,
            height: photo.height,
            stepId: photo.stepId,
          },
        };
        sendJson(res, 201, answer);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/photos\/([^/]+)$/,
      handler: async (_req, res, [rawId]) => {
        const id = photoIdSchema.safeParse(rawId);
        const photo = id.success ? await photos.get(id.data) : null;
        if (!photo) throw notFound('No such photo.');
        const file = photos.file(photo);
        res.writeHead(200, {
          'content-type': photo.type,
          'content-length': fs.statSync(file).size,
          'cache-control': 'private, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'",
        });
        fs.createReadStream(file).pipe(res);
      },
    },
  ];
}
