import { create } from 'zustand';
import {
  NETWORK_FILE_MAX_BYTES,
  type MessageKey,
  type MessageParams,
  type NetworkDocumentsResponse,
  type NetworkFile,
} from '@empiria/shared';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';
import * as api from './network-documents-api';
import { actErrorKey, loadErrorKey } from './network-documents-errors';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: MessageKey }
  | { kind: 'ready'; space: NetworkDocumentsResponse };

/** A line for the person: a message and its parameters (a file's name, the size limit). */
export interface Notice {
  key: MessageKey;
  params: MessageParams;
}

interface NetworkDocumentsState {
  networkId: string | null;
  access: NetworkPageToken | null;
  phase: Phase;
  /** An upload or a change under way; the last one's refusal, or what it did. */
  busy: boolean;
  sending: string | null;
  error: Notice | null;
  notice: Notice | null;
  /** Where new uploads go: a folder's id, or null for the top level. */
  uploadFolderId: string | null;
  newFolderName: string;
  confirmingDelete: string | null;

  open(networkId: string): Promise<void>;
  setUploadFolder(folderId: string | null): void;
  upload(files: readonly File[]): Promise<void>;
  setNewFolderName(name: string): void;
  createFolder(): Promise<void>;
  shareFolder(folderId: string, shared: boolean): Promise<void>;
  shareFile(fileId: string, shared: boolean): Promise<void>;
  moveFile(fileId: string, folderId: string | null): Promise<void>;
  askDelete(fileId: string | null): void;
  deleteFile(fileId: string): Promise<void>;
  download(file: NetworkFile, version: number | null): Promise<void>;
}

export const MAX_MB = Math.round(NETWORK_FILE_MAX_BYTES / 1024 / 1024);

export function documentsPath(networkId: string): string {
  return `/n/${encodeURIComponent(networkId)}/documents`;
}

/**
 * A network's document space (`/n/<id>/documents`): the folders and files the reader may see,
 * uploads (one file after another, each refused or taken on its own), and the moderators' acts.
 * The token is the network pages' own: a personal link of this network, else the admin token.
 */
export const useNetworkDocumentsStore = create<NetworkDocumentsState>((set, get) => {
  const token = () => get().access?.token ?? '';
  const networkId = () => get().networkId ?? '';

  const reload = async () => {
    const space = await api.fetchDocuments(networkId(), token());
    set({ phase: { kind: 'ready', space } });
  };

  /** One act: busy while it runs, the space read again after it, a refusal shown. */
  const act = async (work: () => Promise<Notice | null>, name = '') => {
    set({ busy: true, error: null, notice: null });
    try {
      const notice = await work();
      await reload();
      set({ notice });
    } catch (error) {
      set({ error: { key: actErrorKey(error), params: { name, max: MAX_MB } } });
    } finally {
      set({ busy: false, sending: null });
    }
  };

  return {
    networkId: null,
    access: null,
    phase: { kind: 'loading' },
    busy: false,
    sending: null,
    error: null,
    notice: null,
    uploadFolderId: null,
    newFolderName: '',
    confirmingDelete: null,

    async open(id) {
      const access = networkPageToken(id);
      set({ networkId: id, access, phase: { kind: 'loading' }, error: null, notice: null });
      if (!access) {
        set({ phase: { kind: 'failed', error: 'documents.error.noToken' } });
        return;
      }
      try {
        await reload();
      } catch (error) {
        set({ phase: { kind: 'failed', error: loadErrorKey(error) } });
      }
    },

    setUploadFolder: (uploadFolderId) => set({ uploadFolderId }),

    async upload(files) {
      // One at a time: each file is taken or refused with its own reason.
      for (const file of files) {
        set({ sending: file.name });
        await act(async () => {
          const uploaded = await api.uploadFile(networkId(), get().uploadFolderId, file, token());
          return {
            key: uploaded.newVersion ? 'documents.upload.doneVersion' : 'documents.upload.done',
            params: { name: uploaded.file.name },
          };
        }, file.name);
        if (get().error) return;
      }
    },

    setNewFolderName: (newFolderName) => set({ newFolderName }),

    async createFolder() {
      const name = get().newFolderName.trim();
      if (!name) return;
      await act(async () => {
        const folder = await api.createFolder(networkId(), { name }, token());
        set({ newFolderName: '', uploadFolderId: folder.id });
        return null;
      }, name);
    },

    shareFolder: (folderId, shared) =>
      act(async () => {
        await api.updateFolder(networkId(), folderId, { sharedWithObservers: shared }, token());
        return null;
      }),

    shareFile: (fileId, shared) =>
      act(async () => {
        await api.updateFile(networkId(), fileId, { sharedWithObservers: shared }, token());
        return null;
      }),

    moveFile: (fileId, folderId) =>
      act(async () => {
        await api.updateFile(networkId(), fileId, { folderId }, token());
        return null;
      }),

    askDelete: (confirmingDelete) => set({ confirmingDelete }),

    deleteFile: (fileId) =>
      act(async () => {
        await api.deleteFile(networkId(), fileId, token());
        set({ confirmingDelete: null });
        return null;
      }),

    async download(file, version) {
      set({ error: null });
      try {
        await api.downloadFile(networkId(), file.id, version, file.name, token());
      } catch (error) {
        set({ error: { key: actErrorKey(error), params: { name: file.name, max: MAX_MB } } });
      }
    },
  };
});
