import {
  networkFileKindSchema,
  networkRoleSchema,
  type NetworkDocumentsPerson,
  type NetworkFileKind,
} from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The document space's tables (the "network documents" migration in storage/sqlite-database.ts):
 * folders of a network, its files (a name within a folder, live or deleted) and each file's
 * versions, which point at bytes kept by a `NetworkFileStore` under a random key. Rows only: the
 * bytes never pass through SQLite.
 */

export interface FolderRecord {
  id: string;
  networkId: string;
  name: string;
  sharedWithObservers: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface FileRecord {
  id: string;
  networkId: string;
  folderId: string | null;
  name: string;
  kind: NetworkFileKind;
  sharedWithObservers: boolean;
  createdAt: string;
  deletedAt: string | null;
}

export interface VersionRecord {
  fileId: string;
  version: number;
  storageKey: string;
  bytes: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

interface FolderRow {
  id: string;
  network_id: string;
  name: string;
  shared_with_observers: number;
  created_by: string | null;
  created_at: string;
}

interface FileRow {
  id: string;
  network_id: string;
  folder_id: string | null;
  name: string;
  kind: string;
  shared_with_observers: number;
  created_at: string;
  deleted_at: string | null;
}

interface VersionRow {
  file_id: string;
  version: number;
  storage_key: string;
  bytes: number;
  uploaded_by: string | null;
  uploaded_at: string;
}

interface PersonRow {
  id: string;
  name: string;
  city: string | null;
  role: string | null;
  membership: string | null;
}

const toFolder = (row: FolderRow): FolderRecord => ({
  id: row.id,
  networkId: row.network_id,
  name: row.name,
  sharedWithObservers: row.shared_with_observers === 1,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

const toFile = (row: FileRow): FileRecord => ({
  id: row.id,
  networkId: row.network_id,
  folderId: row.folder_id,
  name: row.name,
  kind: networkFileKindSchema.parse(row.kind),
  sharedWithObservers: row.shared_with_observers === 1,
  createdAt: row.created_at,
  deletedAt: row.deleted_at,
});

const toVersion = (row: VersionRow): VersionRecord => ({
  fileId: row.file_id,
  version: row.version,
  storageKey: row.storage_key,
  bytes: row.bytes,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
});

/** A person of the network as the space shows them, and whether they speak for an observer city. */
export interface SpacePerson extends NetworkDocumentsPerson {
  observer: boolean;
}

export class SqliteNetworkDocumentsStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      folders: db.prepare<[string], FolderRow>(
        'SELECT * FROM network_folders WHERE network_id = ? ORDER BY name_key',
      ),
      folder: db.prepare<[string], FolderRow>('SELECT * FROM network_folders WHERE id = ?'),
      folderByName: db.prepare<[string, string], FolderRow>(
        'SELECT * FROM network_folders WHERE network_id = ? AND name_key = ?',
      ),
      insertFolder: db.prepare<[string, string, string, string, number, string | null, string]>(
        `INSERT INTO network_folders (id, network_id, name, name_key, shared_with_observers, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateFolder: db.prepare<[string, string, number, string]>(
        'UPDATE network_folders SET name = ?, name_key = ?, shared_with_observers = ? WHERE id = ?',
      ),
      files: db.prepare<[string], FileRow>(
        'SELECT * FROM network_files WHERE network_id = ? ORDER BY name_key, created_at',
      ),
      file: db.prepare<[string], FileRow>('SELECT * FROM network_files WHERE id = ?'),
      liveFileByName: db.prepare<[string, string, string], FileRow>(
        `SELECT * FROM network_files
         WHERE network_id = ? AND IFNULL(folder_id, '') = ? AND name_key = ? AND deleted_at IS NULL`,
      ),
      insertFile: db.prepare<[string, string, string | null, string, string, string, string]>(
        `INSERT INTO network_files (id, network_id, folder_id, name, name_key, kind, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateFile: db.prepare<[string | null, string, string, number, string]>(
        `UPDATE network_files SET folder_id = ?, name = ?, name_key = ?, shared_with_observers = ?
         WHERE id = ?`,
      ),
      deleteFile: db.prepare<[string, string | null, string]>(
        'UPDATE network_files SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL',
      ),
      versions: db.prepare<[string], VersionRow>(
        `SELECT v.* FROM network_file_versions v JOIN network_files f ON f.id = v.file_id
         WHERE f.network_id = ? ORDER BY v.file_id, v.version DESC`,
      ),
      fileVersions: db.prepare<[string], VersionRow>(
        'SELECT * FROM network_file_versions WHERE file_id = ? ORDER BY version DESC',
      ),
      insertVersion: db.prepare<[string, number, string, number, string | null, string]>(
        `INSERT INTO network_file_versions (file_id, version, storage_key, bytes, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      usage: db.prepare<[string], { bytes: number }>(
        `SELECT IFNULL(SUM(v.bytes), 0) AS bytes FROM network_file_versions v
         JOIN network_files f ON f.id = v.file_id WHERE f.network_id = ?`,
      ),
      // People as they are now: name and city, their role in this network (none once they left
      // it), and their city's membership (an observer city's people read only what is shared).
      people: db.prepare<[string, string, string, string], PersonRow>(
        `SELECT p.id, p.name, c.name AS city, np.role, m.membership
         FROM persons p
         LEFT JOIN cities c ON c.id = p.city_id
         LEFT JOIN network_people np ON np.person_id = p.id AND np.network_id = ?
         LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = ?
         WHERE p.id IN (SELECT person_id FROM network_people WHERE network_id = ?
                        UNION SELECT v.uploaded_by FROM network_file_versions v
                          JOIN network_files f ON f.id = v.file_id WHERE f.network_id = ?)`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  folders(networkId: string): FolderRecord[] {
    return this.#s.folders.all(networkId).map(toFolder);
  }

  folder(folderId: string): FolderRecord | null {
    const row = this.#s.folder.get(folderId);
    return row ? toFolder(row) : null;
  }

  folderByName(networkId: string, nameKey: string): FolderRecord | null {
    const row = this.#s.folderByName.get(networkId, nameKey);
    return row ? toFolder(row) : null;
  }

  insertFolder(folder: FolderRecord, nameKey: string): void {
    this.#s.insertFolder.run(
      folder.id,
      folder.networkId,
      folder.name,
      nameKey,
      folder.sharedWithObservers ? 1 : 0,
      folder.createdBy,
      folder.createdAt,
    );
  }

  updateFolder(folder: FolderRecord, nameKey: string): void {
    this.#s.updateFolder.run(folder.name, nameKey, folder.sharedWithObservers ? 1 : 0, folder.id);
  }

  files(networkId: string): FileRecord[] {
    return this.#s.files.all(networkId).map(toFile);
  }

  file(fileId: string): FileRecord | null {
    const row = this.#s.file.get(fileId);
    return row ? toFile(row) : null;
  }

  liveFileByName(networkId: string, folderId: string | null, nameKey: string): FileRecord | null {
    const row = this.#s.liveFileByName.get(networkId, folderId ?? '', nameKey);
    return row ? toFile(row) : null;
  }

  insertFile(file: FileRecord, nameKey: string): void {
    this.#s.insertFile.run(
      file.id,
      file.networkId,
      file.folderId,
      file.name,
      nameKey,
      file.kind,
      file.createdAt,
    );
  }

  updateFile(file: FileRecord, nameKey: string): void {
    this.#s.updateFile.run(file.folderId, file.name, nameKey, file.sharedWithObservers ? 1 : 0, file.id);
  }

  markDeleted(fileId: string, at: string, by: string | null): void {
    this.#s.deleteFile.run(at, by, fileId);
  }

  /** Every version of the network's files, newest first per file. */
  versions(networkId: string): Map<string, VersionRecord[]> {
    const byFile = new Map<string, VersionRecord[]>();
    for (const row of this.#s.versions.all(networkId)) {
      const list = byFile.get(row.file_id) ?? [];
      list.push(toVersion(row));
      byFile.set(row.file_id, list);
    }
    return byFile;
  }

  fileVersions(fileId: string): VersionRecord[] {
    return this.#s.fileVersions.all(fileId).map(toVersion);
  }

  insertVersion(version: VersionRecord): void {
    this.#s.insertVersion.run(
      version.fileId,
      version.version,
      version.storageKey,
      version.bytes,
      version.uploadedBy,
      version.uploadedAt,
    );
  }

  /** Bytes the network keeps: every version of every file, deleted ones too ([DOC5]). */
  usage(networkId: string): number {
    return this.#s.usage.get(networkId)?.bytes ?? 0;
  }

  /** The network's people and everyone who ever uploaded to it, by person id. */
  people(networkId: string): Map<string, SpacePerson> {
    return new Map(
      this.#s.people.all(networkId, networkId, networkId, networkId).map((row) => {
        const role = row.role === null ? null : networkRoleSchema.parse(row.role);
        const speaksForCity = role === 'representative' || role === 'substitute';
        const person: SpacePerson = {
          personId: row.id,
          name: row.name,
          city: row.city,
          role,
          observer: speaksForCity && row.membership === 'observer',
        };
        return [row.id, person];
      }),
    );
  }
}
