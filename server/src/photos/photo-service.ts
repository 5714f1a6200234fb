import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { getFormat, layoutFormat, SHEET } from '@empiria/formats';
import type { BoardInfo, Identity } from '@empiria/shared';
import { newId } from '../boards/board-service';
import { addCanvasRecords, readCanvasRecords, topPageIndex } from '../canvas/canvas-records';
import { photoRecords } from '../canvas/photo-records';
import { HttpError } from '../http/http-error';
import type { RoomRegistry } from '../sync/room-registry';
import { cleanImage, ImageError } from './image-file';
import type { PhotoRecord, PhotoStore } from './photo-store';

/** 10 MB: a phone photo of a flipchart is 2–6 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Photos are shown half a sheet wide, in a row below their sheet. */
const PHOTO_WIDTH = SHEET.w / 2;
const GAP = 60;

/**
 * Photos of the paper sheets on the wall: checked to be images by their bytes, stripped of every
 * metadata block (a phone's location above all), stored, and put on the canvas below the sheet
 * they mirror, for everyone at once.
 */
export class PhotoService {
  readonly #store: PhotoStore;
  readonly #registry: RoomRegistry;

  constructor(store: PhotoStore, registry: RoomRegistry) {
    this.#store = store;
    this.#registry = registry;
  }

  async upload(
    board: BoardInfo,
    author: Identity,
    stepId: string | null,
    bytes: Uint8Array,
    now = Date.now(),
  ): Promise<PhotoRecord> {
    const format = getFormat(board.format);
    const sheet = stepId
      ? format
        ? layoutFormat(format).sheets.find((s) => s.stepId === stepId)
        : undefined
      : undefined;
    if (stepId && !sheet) throw new HttpError(400, 'bad_request', `No sheet "${stepId}" on this board.`);
    let cleaned;
    try {
      cleaned = cleanImage(bytes);
    } catch (err) {
      if (err instanceof ImageError) {
        throw new HttpError(
          415,
          'not_an_image',
          `Only JPEG, PNG or WebP photos can be attached (${err.message}).`,
        );
      }
      throw err;
    }
    const slot = this.#store.countFor(board.id, stepId);
    const photo = this.#store.save(
      {
        id: newId(12),
        boardId: board.id,
        stepId,
        authorId: author.id,
        authorName: author.name,
        createdAt: now,
      },
      cleaned.info,
      cleaned.bytes,
    );
    const origin = sheet ? { x: sheet.x, y: sheet.y + sheet.h + GAP } : { x: 0, y: -PHOTO_WIDTH - GAP };
    await this.#registry.room({ boardId: board.id, doc: 'canvas' }).transact((doc) => {
      const [index] = getIndicesAbove(topPageIndex(readCanvasRecords(doc)), 1);
      const { asset, shape } = photoRecords({
        photoId: photo.id,
        src: `/api/photos/${photo.id}`,
        name: `${author.name} — ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')}`,
        mimeType: photo.type,
        pixelWidth: photo.width,
        pixelHeight: photo.height,
        orientation: photo.orientation,
        fileSize: photo.bytes,
        x: origin.x + (slot % 2) * (PHOTO_WIDTH + GAP / 2),
        y: origin.y + Math.floor(slot / 2) * (PHOTO_WIDTH * 1.4 + GAP),
        width: PHOTO_WIDTH - GAP / 4,
        index: index as IndexKey,
        meta: { stepId, author: { id: author.id, name: author.name } },
      });
      addCanvasRecords(doc, [asset, shape]);
    });
    return photo;
  }

  get(id: string): PhotoRecord | null {
    return this.#store.get(id);
  }

  file(photo: PhotoRecord): string {
    return this.#store.file(photo.id, photo.type);
  }
}
