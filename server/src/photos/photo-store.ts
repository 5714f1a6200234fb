import fs from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { ImageInfo, ImageType } from './image-file';

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

/** Photo files under DATA_DIR/photos, their facts in SQLite. A file is complete before its row exists. */
export class PhotoStore {
  readonly #dir: string;
  readonly #s;

  constructor(db: SqliteDatabase, dataDir: string) {
    this.#dir = path.join(dataDir, 'photos');
    fs.mkdirSync(this.#dir, { recursive: true });
    this.#s = {
      insert: db.prepare<
        [string, string, string | null, string, number, number, number, number, string, string, number]
      >(
        `INSERT INTO photos (id, board_id, step_id, mime, width, height, orientation, bytes, author_id, author_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      get: db.prepare<[string], PhotoRow>('SELECT * FROM photos WHERE id = ?'),
      countFor: db.prepare<[string, string | null], { n: number }>(
        'SELECT COUNT(*) AS n FROM photos WHERE board_id = ? AND step_id IS ?',
      ),
    };
  }

  save(
    photo: Omit<PhotoRecord, 'type' | 'width' | 'height' | 'orientation' | 'bytes'>,
    info: ImageInfo,
    bytes: Uint8Array,
  ): PhotoRecord {
    const file = this.file(photo.id, info.type);
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
    const record: PhotoRecord = {
      ...photo,
      type: info.type,
      width: info.width,
      height: info.height,
      orientation: info.orientation,
      bytes: bytes.length,
    };
    this.#s.insert.run(
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
    );
    return record;
  }

  get(id: string): PhotoRecord | null {
    const row = this.#s.get.get(id);
    return row ? toPhoto(row) : null;
  }

  countFor(boardId: string, stepId: string | null): number {
    return this.#s.countFor.get(boardId, stepId)?.n ?? 0;
  }

  file(id: string, type: ImageType): string {
    return path.join(this.#dir, `${id}.${EXTENSIONS[type]}`);
  }
}
