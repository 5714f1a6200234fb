import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { layoutFormat, SHEET } from '@empiria/formats';
import type { BoardInfo, Identity } from '@empiria/shared';
import type { PhotoQuota } from '../config';
import { newId } from '../ids';
import { addCanvasRecords, readCanvasRecords, topPageIndex } from '../canvas/canvas-records';
import { photoRecords } from '../canvas/photo-records';
import { DomainError, type DomainErrorKind } from '../domain-error';
import type { RoomRegistry } from '../sync/room-registry';
import { ImageCleaner, ImageCleanerBusyError } from './image-cleaner';
import { ImageError, type ImageProblem } from './image-error';
import { readImageHeader } from './image-file';
import { checkPhotoQuota } from './photo-quota';
import type { PhotoRecord, PhotoStore } from './photo-store';
import { formatOfBoard } from '../boards/board-format';

/** 10 MB: a phone photo of a flipchart is 2–6 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Unavailable with the seconds to wait (an answer's Retry-After) ([U5]). */
export function photosBusy(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'unavailable',
    'photos_busy',
    'Too many photos are being processed right now; send it again in a moment.',
    { retryAfterSeconds },
  );
}

/** Photos are shown at most half a sheet wide and 1.4 times that tall, two in a row below their sheet. */
const PHOTO_WIDTH = SHEET.w / 2;
const PHOTO_HEIGHT = PHOTO_WIDTH * 1.4;
const GAP = 60;

/** The refusal for each reason an image is refused ([U1]–[U4]); the client words each code. */
const REFUSAL: Record<ImageProblem, { kind: DomainErrorKind; code: string; message: string }> = {
  not_an_image: {
    kind: 'unsupported',
    code: 'not_an_image',
    message: 'Only JPEG, PNG or WebP photos can be attached',
  },
  invalid: { kind: 'unprocessable', code: 'image_invalid', message: 'The photo cannot be read' },
  too_large: { kind: 'unprocessable', code: 'image_too_large', message: 'The photo has too many pixels' },
  too_complex: { kind: 'unprocessable', code: 'image_too_complex', message: 'The photo cannot be read' },
};

/** The refusal of a file that is not a photo the board can take, saying which check it failed. */
function refusal(err: ImageError): DomainError {
  const { kind, code, message } = REFUSAL[err.problem];
  return new DomainError(kind, code, `${message} (${err.message}).`);
}

/**
 * Photos of the paper sheets on the wall: checked to be images by their bytes, stripped of every
 * metadata block (a phone's location above all), stored, and put on the canvas below the sheet
 * they mirror, for everyone at once.
 */
export class PhotoService {
  readonly #store: PhotoStore;
  readonly #registry: RoomRegistry;
  readonly #quota: PhotoQuota;
  readonly #cleaner: ImageCleaner;
  /** Per board, the end of the last upload's quota check and save ([U9]). */
  readonly #turns = new Map<string, Promise<void>>();

  constructor(store: PhotoStore, registry: RoomRegistry, quota: PhotoQuota, cleaner = new ImageCleaner()) {
    this.#store = store;
    this.#registry = registry;
    this.#quota = quota;
    this.#cleaner = cleaner;
  }

  /** Throws the 409 an upload to this board would get because it is full, before its body is read ([U9]). */
  async refuseIfBoardFull(boardId: string): Promise<void> {
    checkPhotoQuota(await this.#store.usageOf(boardId), this.#quota, 0);
  }

  /**
   * Runs `work` once every earlier turn of this board has ended: one process checks a board's
   * quota and stores its photo one upload at a time, so two uploads cannot both take the last room.
   */
  async #inTurn<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.#turns.get(boardId) ?? Promise.resolve()).then(work);
    const ended = turn.then(
      () => undefined,
      () => undefined,
    );
    this.#turns.set(boardId, ended);
    try {
      return await turn;
    } finally {
      if (this.#turns.get(boardId) === ended) this.#turns.delete(boardId);
    }
  }

  /** Throws the 503 an upload now would get, so that its body need not be read ([U5]). */
  refuseIfBusy(): void {
    try {
      this.#cleaner.refuseIfFull();
    } catch (err) {
      if (err instanceof ImageCleanerBusyError) throw photosBusy(err.retryAfterSeconds);
      throw err;
    }
  }

  async upload(
    board: BoardInfo,
    author: Identity,
    stepId: string | null,
    bytes: Uint8Array,
    now = Date.now(),
  ): Promise<PhotoRecord> {
    const format = formatOfBoard(board);
    const sheet = stepId ? layoutFormat(format).sheets.find((s) => s.stepId === stepId) : undefined;
    if (stepId && !sheet)
      throw new DomainError('invalid', 'bad_request', `No sheet "${stepId}" on this board.`);
    let cleaned;
    try {
      // The declared size first, on the event loop: a bounded read of the header alone, so a
      // decompression bomb is refused before any work is spent on it ([U1], [U2]).
      const header = readImageHeader(bytes);
      // Then the walk over the whole file and the metadata stripping, in a worker thread with a
      // time limit ([U3], [U4]).
      cleaned = await this.#cleaner.clean(bytes);
      const { info } = cleaned;
      if (info.type !== header.type || info.width !== header.width || info.height !== header.height) {
        throw new ImageError('invalid', 'the header and the image do not agree');
      }
    } catch (err) {
      if (err instanceof ImageError) throw refusal(err);
      if (err instanceof ImageCleanerBusyError) throw photosBusy(err.retryAfterSeconds);
      throw err;
    }
    const { bytes: clean, info } = cleaned;
    const { photo, slot } = await this.#inTurn(board.id, async () => {
      // The quota counts what is stored: the cleaned file ([U9]).
      checkPhotoQuota(await this.#store.usageOf(board.id), this.#quota, clean.length);
      const slot = await this.#store.countFor(board.id, stepId);
      const photo = await this.#store.save(
        {
          id: newId(12),
          boardId: board.id,
          stepId,
          authorId: author.id,
          authorName: author.name,
          createdAt: now,
        },
        info,
        clean,
      );
      return { photo, slot };
    });
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
        y: origin.y + Math.floor(slot / 2) * (PHOTO_HEIGHT + GAP),
        maxWidth: PHOTO_WIDTH - GAP / 4,
        maxHeight: PHOTO_HEIGHT,
        index: index as IndexKey,
        meta: { stepId, author: { id: author.id, name: author.name } },
      });
      addCanvasRecords(doc, [asset, shape]);
    });
    return photo;
  }

  get(id: string): Promise<PhotoRecord | null> {
    return this.#store.get(id);
  }

  file(photo: PhotoRecord): string {
    return this.#store.file(photo.id, photo.type);
  }
}
