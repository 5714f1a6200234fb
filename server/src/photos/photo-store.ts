import fs from 'node:fs';
import path from 'node:path';
import type { SqlQueries } from '../storage/sql/sql-database';
import type { ImageInfo, ImageType } from './image-file';
import type { PhotoUsage } from './photo-quota';

export interface PhotoRecord {
  id: string;
  boardId: string;
  stepId: string | null;
  type: ImageType;
  width: number;
  height: number;
  orientation: number;
  bytes: number;
  authorId: string;
  authorName: string;
  createdAt: number;
}

interface PhotoRow {
  id: string;
  board_id: string;
  step_id: string | null;
  mime: ImageType;
  width: number;
  height: number;
  orientation: number;
  bytes: number;
  author_id: string;
  author_name: string;
  created_at: number;
}

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const toPhoto = (row: PhotoRow): PhotoRecord => ({
  id: row.id,
  boardId: row.board_id,
  stepId: row.step_id,
  type: row.mime,
  width: row.width,
  height: row.height,
  orientation: row.orientation,
  bytes: row.bytes,
  authorId: row.author_id,
  authorName: row.author_name,
  createdAt: row.created_at,
});

/**
 * Photo files under DATA_DIR/photos, their facts in table `photos` on either engine. A file is
 * complete before its row exists, so a row always names a whole file.
 */
export class PhotoStore {
  readonly #dir: string;
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries, dataDir: string) {
    this.#dir = path.join(dataDir, 'photos');
    fs.mkdirSync(this.#dir, { recursive: true });
    this.#sql = sql;
  }

  async save(
    photo: Omit<PhotoRecord, 'type' | 'width' | 'height' | 'orientation' | 'bytes'>,
    info: ImageInfo,
    bytes: Uint8Array,
  ): Promise<PhotoRecord> {
    const file = this.file(photo.id, info.type);
    const partial = `${file}.partial`;
    await fs.promises.writeFile(partial, bytes);
    await fs.promises.rename(partial, file);
    const record: PhotoRecord = {
      ...photo,
      type: info.type,
      width: info.width,
      height: info.height,
      orientation: info.orientation,
      bytes: bytes.length,
    };
    await this.#sql.run(
      `INSERT INTO photos (id, board_id, step_id, mime, width, height, orientation, bytes, author_id, author_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.boardId,
        record.stepId,
        record.type,
        record.width,
        record.height,
        record.orientation,
        record.bytes,
        record.authorId,
        record.authorName,
        record.createdAt,
      ],
    );
    return record;
  }

  async get(id: string): Promise<PhotoRecord | null> {
    const row = await this.#sql.get<PhotoRow>('SELECT * FROM photos WHERE id = ?', [id]);
    return row ? toPhoto(row) : null;
  }

  /** The board's photos of one sheet, or (`stepId` null) of none. */
  async countFor(boardId: string, stepId: string | null): Promise<number> {
    // `IS NOT DISTINCT FROM`: equal, or both null — one spelling for both engines.
    const row = await this.#sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM photos WHERE board_id = ? AND step_id IS NOT DISTINCT FROM ?',
      [boardId, stepId],
    );
    return row?.n ?? 0;
  }

  /** What the board's photos take: how many there are and their bytes ([U9]). */
  async usageOf(boardId: string): Promise<PhotoUsage> {
    const row = await this.#sql.get<{ n: number; bytes: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS bytes FROM photos WHERE board_id = ?',
      [boardId],
    );
    return { count: row?.n ?? 0, bytes: row?.bytes ?? 0 };
  }

  file(id: string, type: ImageType): string {
    return path.join(this.#dir, `${id}.${EXTENSIONS[type]}`);
  }
}
