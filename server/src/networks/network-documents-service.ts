import type { Readable } from 'node:stream';
import {
  cleanFileName,
  fileNameKey,
  mayNetworkDocuments,
  maySeeNetworkFile,
  maySeeNetworkFolder,
  NETWORK_DOCUMENTS_ERROR_CODES as CODES,
  NETWORK_DOCUMENTS_QUOTA_BYTES,
  NETWORK_FILE_MAX_BYTES,
  NETWORK_FILE_MIME,
  type CreateNetworkFolderRequest,
  type NetworkActor,
  type NetworkDocumentsAct,
  type NetworkDocumentsActor,
  type NetworkDocumentsPerson,
  type NetworkDocumentsResponse,
  type NetworkFile,
  type NetworkFileKind,
  type NetworkFileUploadedResponse,
  type NetworkFolder,
  type UpdateNetworkFileRequest,
  type UpdateNetworkFolderRequest,
} from '@empiria/shared';
import { newId } from '../ids';
import type { SqlDatabase } from '../storage/sql/sql-database';
import { checkNetworkFileBytes } from './network-documents-bytes';
import { TooLargeUpload, type NetworkFileStore, type ReceivedUpload } from './network-documents-file-store';
import {
  NetworkDocumentsStore,
  type FileRecord,
  type FolderRecord,
  type SpacePerson,
  type VersionRecord,
} from './network-documents-store';
import type { NetworkService } from './network-service';
import type { NetworkServices } from './network-services';
import { DomainError } from '../domain-error';

const noSuch = (what: string) => new DomainError('not_found', 'not_found', `No such ${what}.`);

export interface NetworkDocumentsLimits {
  maxFileBytes: number;
  quotaBytes: number;
}

/** An upload as the request announces it, before its body is read. */
export interface UploadRequest {
  /** The name as sent (percent-decoded already), not yet cleaned. */
  name: string;
  /** The Content-Type header, parameters and all; '' when absent. */
  contentType: string;
  folderId: string | null;
  /** Content-Length, when the client said it. */
  declaredBytes: number | null;
}

export interface NetworkFileDownload {
  name: string;
  kind: NetworkFileKind;
  version: number;
  bytes: number;
  stream: Readable;
}

/** The office: no person, no name in the network. */
const OFFICE_PERSON: NetworkDocumentsPerson = { personId: null, name: null, city: null, role: null };

/**
 * A network's document space (issue #13 item 5; rules DOC1–DOC5 in docs/permissions.md): folders,
 * files checked by their bytes, every version kept with who uploaded it and when, files and
 * folders shared with the observer cities by the pair, soft deletion, and a quota per network.
 * A file's bytes are kept before its row is written; a row that cannot be written removes them.
 */
export class NetworkDocumentsService {
  readonly #store: NetworkDocumentsStore;
  readonly #files: NetworkFileStore;
  readonly #networks: NetworkService;
  readonly #limits: NetworkDocumentsLimits;
  readonly #now: () => Date;

  constructor(
    store: NetworkDocumentsStore,
    files: NetworkFileStore,
    networks: NetworkService,
    limits: NetworkDocumentsLimits = {
      maxFileBytes: NETWORK_FILE_MAX_BYTES,
      quotaBytes: NETWORK_DOCUMENTS_QUOTA_BYTES,
    },
    now: () => Date = () => new Date(),
  ) {
    this.#store = store;
    this.#files = files;
    this.#networks = networks;
    this.#limits = limits;
    this.#now = now;
  }

  /** The folders and files the caller may see, with who uploaded each version and when. */
  async list(base: NetworkActor, networkId: string): Promise<NetworkDocumentsResponse> {
    const actor = await this.#require(base, 'documents.read', networkId);
    const network = await this.#networks.get(networkId);
    const people = await this.#store.people(networkId);
    const folders = await this.#store.folders(networkId);
    const folderById = new Map(folders.map((folder) => [folder.id, folder]));
    const versions = await this.#store.versions(networkId);
    const files = (await this.#store.files(networkId))
      .filter((file) => this.#visible(actor, networkId, file, folderById))
      .map((file) => toNetworkFile(file, versions.get(file.id) ?? [], people));
    const holding = new Set(files.map((file) => file.folderId));
    return {
      network: { id: network.id, name: network.name, theme: network.theme },
      viewer: {
        canUpload: mayNetworkDocuments(actor, 'documents.upload', networkId),
        canManage: mayNetworkDocuments(actor, 'documents.manage', networkId),
        observer: actor.observer,
      },
      folders: folders
        .filter((folder) => maySeeNetworkFolder(actor, networkId, folder, holding.has(folder.id)))
        .map((folder) => toNetworkFolder(folder, people)),
      files,
      usage: mayNetworkDocuments(actor, 'documents.upload', networkId)
        ? { bytes: await this.#store.usage(networkId), quotaBytes: this.#limits.quotaBytes }
        : null,
    };
  }

  async createFolder(
    base: NetworkActor,
    networkId: string,
    request: Required<CreateNetworkFolderRequest>,
  ): Promise<NetworkFolder> {
    const actor = await this.#require(base, 'documents.manage', networkId);
    await this.#networks.get(networkId);
    const folder: FolderRecord = {
      id: newId(),
      networkId,
      name: request.name,
      sharedWithObservers: request.sharedWithObservers,
      createdBy: personIdOf(actor),
      createdAt: this.#now().toISOString(),
    };
    await this.#store.transaction(async (store) => {
      await requireFreeFolderName(store, networkId, request.name, null);
      await store.insertFolder(folder, fileNameKey(folder.name));
    });
    return toNetworkFolder(folder, await this.#store.people(networkId));
  }

  async updateFolder(
    base: NetworkActor,
    networkId: string,
    folderId: string,
    patch: UpdateNetworkFolderRequest & { name?: string },
  ): Promise<NetworkFolder> {
    await this.#require(base, 'documents.manage', networkId);
    const updated = await this.#store.transaction(async (store) => {
      const folder = await folderIn(store, networkId, folderId);
      if (patch.name !== undefined) await requireFreeFolderName(store, networkId, patch.name, folder.id);
      const next: FolderRecord = {
        ...folder,
        name: patch.name ?? folder.name,
        sharedWithObservers: patch.sharedWithObservers ?? folder.sharedWithObservers,
      };
      await store.updateFolder(next, fileNameKey(next.name));
      return next;
    });
    return toNetworkFolder(updated, await this.#store.people(networkId));
  }

  /**
   * Receives a file: everything the request announces is checked before its body is read (who,
   * where, the name's kind, the declared size against the file limit and the quota), the body is
   * read up to the file limit, then its bytes are checked against its name. The same name in the
   * same folder adds a version ([DOC4]).
   */
  async upload(
    base: NetworkActor,
    networkId: string,
    request: UploadRequest,
    body: Readable,
  ): Promise<NetworkFileUploadedResponse> {
    const actor = await this.#require(base, 'documents.upload', networkId);
    await this.#networks.get(networkId);
    if (request.folderId !== null) await folderIn(this.#store, networkId, request.folderId);
    const name = this.#cleanName(request.name);
    const mime = request.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (mime !== '' && mime !== 'application/octet-stream' && mime !== NETWORK_FILE_MIME[name.kind]) {
      throw new DomainError(
        'unsupported',
        CODES.typeMismatch,
        `The name says ${name.kind} (${NETWORK_FILE_MIME[name.kind]}), the Content-Type says ${mime}.`,
      );
    }
    if (request.declaredBytes !== null) {
      this.#requireWithinFileLimit(request.declaredBytes);
      await this.#requireWithinQuota(this.#store, networkId, request.declaredBytes);
    }
    let received: ReceivedUpload;
    try {
      received = await this.#files.receive(body, this.#limits.maxFileBytes);
    } catch (error) {
      if (error instanceof TooLargeUpload) this.#requireWithinFileLimit(Number.POSITIVE_INFINITY);
      throw error;
    }
    try {
      await this.#requireWithinQuota(this.#store, networkId, received.bytes);
      const check = checkNetworkFileBytes(name.kind, received.content);
      if (!check.ok) {
        throw new DomainError(
          'unsupported',
          CODES.typeMismatch,
          `“${name.name}” is not what its name says: ${check.reason}.`,
        );
      }
      const storageKey = `${networkId}/${newId()}`;
      received.keep(storageKey);
      try {
        return await this.#record(
          actor,
          networkId,
          request.folderId,
          name.name,
          name.kind,
          storageKey,
          received.bytes,
        );
      } catch (error) {
        this.#files.remove(storageKey);
        throw error;
      }
    } finally {
      received.discard();
    }
  }

  /** A file's latest version, or the one asked for; a file the caller may not see is "no such file". */
  async download(
    base: NetworkActor,
    networkId: string,
    fileId: string,
    version: number | null,
  ): Promise<NetworkFileDownload> {
    const actor = await this.#require(base, 'documents.read', networkId);
    const file = await fileIn(this.#store, networkId, fileId);
    const folders = new Map((await this.#store.folders(networkId)).map((folder) => [folder.id, folder]));
    if (!this.#visible(actor, networkId, file, folders)) throw noSuch('file');
    const versions = await this.#store.fileVersions(file.id);
    const chosen =
      version === null ? versions[0] : versions.find((candidate) => candidate.version === version);
    if (!chosen) throw noSuch('version of this file');
    return {
      name: file.name,
      kind: file.kind,
      version: chosen.version,
      bytes: chosen.bytes,
      stream: this.#files.open(chosen.storageKey),
    };
  }

  /** Shares, renames (keeping the extension) or moves a file ([DOC2]). */
  async updateFile(
    base: NetworkActor,
    networkId: string,
    fileId: string,
    patch: UpdateNetworkFileRequest,
  ): Promise<NetworkFile> {
    await this.#require(base, 'documents.manage', networkId);
    const updated = await this.#store.transaction(async (store) => {
      const file = await fileIn(store, networkId, fileId);
      if (file.deletedAt !== null) {
        throw new DomainError('conflict', CODES.deleted, 'The file is deleted; upload it again instead.');
      }
      let name = file.name;
      if (patch.name !== undefined) {
        const cleaned = this.#cleanName(patch.name);
        if (cleaned.kind !== file.kind) {
          throw new DomainError(
            'invalid',
            CODES.badName,
            `A ${file.kind} file keeps its extension; upload a converted file instead.`,
          );
        }
        name = cleaned.name;
      }
      const folderId = patch.folderId === undefined ? file.folderId : patch.folderId;
      if (folderId !== null) await folderIn(store, networkId, folderId);
      const clash = await store.liveFileByName(networkId, folderId, fileNameKey(name));
      if (clash && clash.id !== file.id) {
        throw new DomainError('conflict', CODES.fileExists, `“${name}” is already in that folder.`);
      }
      const next: FileRecord = {
        ...file,
        name,
        folderId,
        sharedWithObservers: patch.sharedWithObservers ?? file.sharedWithObservers,
      };
      await store.updateFile(next, fileNameKey(name));
      return next;
    });
    return toNetworkFile(
      updated,
      await this.#store.fileVersions(updated.id),
      await this.#store.people(networkId),
    );
  }

  /** [DOC4] a deleted file is kept, with its versions, for those who manage the space. */
  async deleteFile(base: NetworkActor, networkId: string, fileId: string): Promise<void> {
    const actor = await this.#require(base, 'documents.manage', networkId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const file = await fileIn(store, networkId, fileId);
      if (file.deletedAt !== null) {
        throw new DomainError('conflict', CODES.deleted, 'The file is deleted already.');
      }
      await store.markDeleted(file.id, at, personIdOf(actor));
    });
  }

  async #record(
    actor: NetworkDocumentsActor,
    networkId: string,
    folderId: string | null,
    name: string,
    kind: NetworkFileKind,
    storageKey: string,
    bytes: number,
  ): Promise<NetworkFileUploadedResponse> {
    const at = this.#now().toISOString();
    const { file, newVersion } = await this.#store.transaction(async (store) => {
      // Checked again in the transaction: two uploads at once cannot both pass the quota.
      await this.#requireWithinQuota(store, networkId, bytes);
      if (folderId !== null) await folderIn(store, networkId, folderId);
      const existing = await store.liveFileByName(networkId, folderId, fileNameKey(name));
      const target: FileRecord = existing ?? {
        id: newId(),
        networkId,
        folderId,
        name,
        kind,
        sharedWithObservers: false,
        createdAt: at,
        deletedAt: null,
      };
      if (!existing) await store.insertFile(target, fileNameKey(name));
      const latest = existing ? ((await store.fileVersions(existing.id))[0]?.version ?? 0) : 0;
      await store.insertVersion({
        fileId: target.id,
        version: latest + 1,
        storageKey,
        bytes,
        uploadedBy: personIdOf(actor),
        uploadedAt: at,
      });
      return { file: target, newVersion: existing !== null };
    });
    return {
      file: toNetworkFile(file, await this.#store.fileVersions(file.id), await this.#store.people(networkId)),
      newVersion,
    };
  }

  async #require(
    base: NetworkActor,
    act: NetworkDocumentsAct,
    networkId: string,
  ): Promise<NetworkDocumentsActor> {
    const actor = await this.#actorOf(base, networkId);
    if (!mayNetworkDocuments(actor, act, networkId)) {
      const why =
        base.kind === 'person' && base.networkId !== networkId
          ? 'This is another network’s document space.'
          : act === 'documents.upload'
            ? 'An observer city reads the documents shared with it; it does not upload.'
            : 'Only the facilitator, the experts and the organiser manage the documents.';
      throw new DomainError('forbidden', 'forbidden', why);
    }
    return actor;
  }

  async #actorOf(base: NetworkActor, networkId: string): Promise<NetworkDocumentsActor> {
    if (base.kind === 'office' || base.networkId !== networkId) return { ...base, observer: false };
    const people = await this.#store.people(networkId);
    return { ...base, observer: people.get(base.personId)?.observer ?? false };
  }

  #visible(
    actor: NetworkDocumentsActor,
    networkId: string,
    file: FileRecord,
    folders: Map<string, FolderRecord>,
  ): boolean {
    const folder = file.folderId === null ? null : (folders.get(file.folderId) ?? null);
    return maySeeNetworkFile(actor, networkId, { ...file, deleted: file.deletedAt !== null }, folder);
  }

  #cleanName(raw: string): { name: string; kind: NetworkFileKind } {
    const cleaned = cleanFileName(raw);
    if (cleaned.ok) return cleaned;
    if (cleaned.reason === 'unsupported') {
      throw new DomainError(
        'unsupported',
        CODES.unsupportedType,
        'Only PDF, Word (.docx), Excel (.xlsx) and PNG, JPEG or WebP images are kept here.',
      );
    }
    throw new DomainError(
      'invalid',
      CODES.badName,
      cleaned.reason === 'empty' ? 'The file needs a name.' : 'The file name is too long.',
    );
  }

  #requireWithinFileLimit(bytes: number): void {
    if (bytes > this.#limits.maxFileBytes) {
      throw new DomainError(
        'too_large',
        CODES.tooLarge,
        `A file may have at most ${Math.round(this.#limits.maxFileBytes / 1024 / 1024)} MB.`,
      );
    }
  }

  async #requireWithinQuota(store: NetworkDocumentsStore, networkId: string, bytes: number): Promise<void> {
    if ((await store.usage(networkId)) + bytes > this.#limits.quotaBytes) {
      throw new DomainError(
        'quota_exceeded',
        CODES.quotaExceeded,
        'The network’s document space is full; ask the office for more room.',
      );
    }
  }
}

async function requireFreeFolderName(
  store: NetworkDocumentsStore,
  networkId: string,
  name: string,
  self: string | null,
): Promise<void> {
  const clash = await store.folderByName(networkId, fileNameKey(name));
  if (clash && clash.id !== self) {
    throw new DomainError('conflict', CODES.folderExists, `A folder “${name}” is already here.`);
  }
}

async function folderIn(
  store: NetworkDocumentsStore,
  networkId: string,
  folderId: string,
): Promise<FolderRecord> {
  const folder = await store.folder(folderId);
  if (!folder || folder.networkId !== networkId) throw noSuch('folder');
  return folder;
}

async function fileIn(store: NetworkDocumentsStore, networkId: string, fileId: string): Promise<FileRecord> {
  const file = await store.file(fileId);
  if (!file || file.networkId !== networkId) throw noSuch('file');
  return file;
}

function personIdOf(actor: NetworkDocumentsActor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}

function personView(personId: string | null, people: Map<string, SpacePerson>): NetworkDocumentsPerson {
  if (personId === null) return OFFICE_PERSON;
  const person = people.get(personId);
  // Persons are never deleted; the fallback keeps a page from failing.
  return person
    ? { personId, name: person.name, city: person.city, role: person.role }
    : { personId, name: null, city: null, role: null };
}

function toNetworkFolder(folder: FolderRecord, people: Map<string, SpacePerson>): NetworkFolder {
  return {
    id: folder.id,
    name: folder.name,
    sharedWithObservers: folder.sharedWithObservers,
    createdAt: folder.createdAt,
    createdBy: personView(folder.createdBy, people),
  };
}

function toNetworkFile(
  file: FileRecord,
  versions: VersionRecord[],
  people: Map<string, SpacePerson>,
): NetworkFile {
  return {
    id: file.id,
    folderId: file.folderId,
    name: file.name,
    kind: file.kind,
    sharedWithObservers: file.sharedWithObservers,
    deletedAt: file.deletedAt,
    versions: versions.map((version) => ({
      version: version.version,
      bytes: version.bytes,
      uploadedAt: version.uploadedAt,
      uploadedBy: personView(version.uploadedBy, people),
    })),
  };
}

/** The document space on the stores' database and the given file store. */
export function createNetworkDocumentsService(
  sql: SqlDatabase,
  files: NetworkFileStore,
  networks: NetworkServices,
  limits?: NetworkDocumentsLimits,
): NetworkDocumentsService {
  return new NetworkDocumentsService(new NetworkDocumentsStore(sql), files, networks.networks, limits);
}
