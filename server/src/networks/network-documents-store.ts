import {
  networkFileKindSchema,
  networkRoleSchema,
  type NetworkDocumentsPerson,
  type NetworkFileKind,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * Names sort in Polish alphabetical order (ł after l, ó after o), the same on both engines: an
 * `ORDER BY` on text would follow SQLite's bytes (ł after z) or the PostgreSQL database's
 * collation, whatever locale it was created with.
 */
const BY_NAME = new Intl.Collator('pl');

/**
 * The document space's tables (the "network documents" migration in storage/sqlite-database.ts;
 * PostgreSQL's migration 2): folders of a network, its files (a name within a folder, live or
 * deleted) and each file's versions, which point at bytes kept by a `NetworkFileStore` under a
 * random key. Rows only: the bytes never pass through the database.
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
  name_key: string;
  shared_with_observers: number;
  created_by: string | null;
  created_at: string;
}

interface FileRow {
  id: string;
  network_id: string;
  folder_id: string | null;
  name: string;
  name_key: string;
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

// People as they are now: name and city, their role in this network (none once they left it),
// and their city's membership (an observer city's people read only what is shared).
const PEOPLE_SQL = `SELECT p.id, p.name, c.name AS city, np.role, m.membership
  FROM persons p
  LEFT JOIN cities c ON c.id = p.city_id
  LEFT JOIN network_people np ON np.person_id = p.id AND np.network_id = ?
  LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = ?
  WHERE p.id IN (SELECT person_id FROM network_people WHERE network_id = ?
                 UNION SELECT v.uploaded_by FROM network_file_versions v
                   JOIN network_files f ON f.id = v.file_id WHERE f.network_id = ?)`;

/**
 * The document space's rows, on either engine. Callers run check-then-write inside
 * `transaction`, whose work gets the store bound to that transaction.
 */
export class NetworkDocumentsStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: NetworkDocumentsStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new NetworkDocumentsStore(tx)));
  }

  /** The network's folders by their folded names, in Polish alphabetical order (BY_NAME). */
  async folders(networkId: string): Promise<FolderRecord[]> {
    const rows = await this.#sql.all<FolderRow>('SELECT * FROM network_folders WHERE network_id = ?', [
      networkId,
    ]);
    return rows.sort((a, b) => BY_NAME.compare(a.name_key, b.name_key)).map(toFolder);
  }

  async folder(folderId: string): Promise<FolderRecord | null> {
    const row = await this.#sql.get<FolderRow>('SELECT * FROM network_folders WHERE id = ?', [folderId]);
    return row ? toFolder(row) : null;
  }

  async folderByName(networkId: string, nameKey: string): Promise<FolderRecord | null> {
    const row = await this.#sql.get<FolderRow>(
      'SELECT * FROM network_folders WHERE network_id = ? AND name_key = ?',
      [networkId, nameKey],
    );
    return row ? toFolder(row) : null;
  }

  async insertFolder(folder: FolderRecord, nameKey: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO network_folders (id, network_id, name, name_key, shared_with_observers, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        folder.id,
        folder.networkId,
        folder.name,
        nameKey,
        folder.sharedWithObservers ? 1 : 0,
        folder.createdBy,
        folder.createdAt,
      ],
    );
  }

  async updateFolder(folder: FolderRecord, nameKey: string): Promise<void> {
    await this.#sql.run(
      'UPDATE network_folders SET name = ?, name_key = ?, shared_with_observers = ? WHERE id = ?',
      [folder.name, nameKey, folder.sharedWithObservers ? 1 : 0, folder.id],
    );
  }

  /** The network's files, live and deleted, by their folded names (BY_NAME), then when made, then id. */
  async files(networkId: string): Promise<FileRecord[]> {
    const rows = await this.#sql.all<FileRow>(
      'SELECT * FROM network_files WHERE network_id = ? ORDER BY created_at, id',
      [networkId],
    );
    // A stable sort: rows of one name keep the database's order by when made, then id.
    return rows.sort((a, b) => BY_NAME.compare(a.name_key, b.name_key)).map(toFile);
  }

  async file(fileId: string): Promise<FileRecord | null> {
    const row = await this.#sql.get<FileRow>('SELECT * FROM network_files WHERE id = ?', [fileId]);
    return row ? toFile(row) : null;
  }

  /** The live file of that name in the folder (null: the network's top level). */
  async liveFileByName(
    networkId: string,
    folderId: string | null,
    nameKey: string,
  ): Promise<FileRecord | null> {
    // COALESCE as in the unique index on live names, so the lookup is the index's.
    const row = await this.#sql.get<FileRow>(
      `SELECT * FROM network_files
       WHERE network_id = ? AND COALESCE(folder_id, '') = ? AND name_key = ? AND deleted_at IS NULL`,
      [networkId, folderId ?? '', nameKey],
    );
    return row ? toFile(row) : null;
  }

  async insertFile(file: FileRecord, nameKey: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO network_files (id, network_id, folder_id, name, name_key, kind, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [file.id, file.networkId, file.folderId, file.name, nameKey, file.kind, file.createdAt],
    );
  }

  async updateFile(file: FileRecord, nameKey: string): Promise<void> {
    await this.#sql.run(
      `UPDATE network_files SET folder_id = ?, name = ?, name_key = ?, shared_with_observers = ?
       WHERE id = ?`,
      [file.folderId, file.name, nameKey, file.sharedWithObservers ? 1 : 0, file.id],
    );
  }

  /** Marks a live file deleted (a deleted one keeps its first deletion). */
  async markDeleted(fileId: string, at: string, by: string | null): Promise<void> {
    await this.#sql.run(
      'UPDATE network_files SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL',
      [at, by, fileId],
    );
  }

  /** Every version of the network's files, newest first per file. */
  async versions(networkId: string): Promise<Map<string, VersionRecord[]>> {
    const rows = await this.#sql.all<VersionRow>(
      `SELECT v.* FROM network_file_versions v JOIN network_files f ON f.id = v.file_id
       WHERE f.network_id = ? ORDER BY v.file_id, v.version DESC`,
      [networkId],
    );
    const byFile = new Map<string, VersionRecord[]>();
    for (const row of rows) {
      const list = byFile.get(row.file_id) ?? [];
      list.push(toVersion(row));
      byFile.set(row.file_id, list);
    }
    return byFile;
  }

  /** A file's versions, newest first. */
  async fileVersions(fileId: string): Promise<VersionRecord[]> {
    const rows = await this.#sql.all<VersionRow>(
      'SELECT * FROM network_file_versions WHERE file_id = ? ORDER BY version DESC',
      [fileId],
    );
    return rows.map(toVersion);
  }

  async insertVersion(version: VersionRecord): Promise<void> {
    await this.#sql.run(
      `INSERT INTO network_file_versions (file_id, version, storage_key, bytes, uploaded_by, uploaded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        version.fileId,
        version.version,
        version.storageKey,
        version.bytes,
        version.uploadedBy,
        version.uploadedAt,
      ],
    );
  }

  /** Bytes the network keeps: every version of every file, deleted ones too ([DOC5]). */
  async usage(networkId: string): Promise<number> {
    const row = await this.#sql.get<{ bytes: number }>(
      `SELECT COALESCE(SUM(v.bytes), 0) AS bytes FROM network_file_versions v
       JOIN network_files f ON f.id = v.file_id WHERE f.network_id = ?`,
      [networkId],
    );
    return row?.bytes ?? 0;
  }

  /** The network's people and everyone who ever uploaded to it, by person id. */
  async people(networkId: string): Promise<Map<string, SpacePerson>> {
    const rows = await this.#sql.all<PersonRow>(PEOPLE_SQL, [networkId, networkId, networkId, networkId]);
    return new Map(
      rows.map((row) => {
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
