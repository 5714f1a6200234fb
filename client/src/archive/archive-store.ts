import { create } from 'zustand';
import type { ArchiveResponse, MessageKey, SearchResponse } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';
import { printInTab, saveBlob } from '../summary/summary-files';
import { fetchArchive, fetchNoteFile, searchNetwork } from './archive-api';

type Phase =
  { kind: 'loading' } | { kind: 'ready'; archive: ArchiveResponse } | { kind: 'failed'; error: MessageKey };

type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'done'; response: SearchResponse }
  | { kind: 'failed'; error: MessageKey };

interface ArchiveState {
  networkId: string | null;
  access: NetworkPageToken | null;
  phase: Phase;
  search: SearchState;
  /** The download under way (`<path>`), and the last download's failure. */
  downloading: string | null;
  downloadError: MessageKey | null;
  open(networkId: string): Promise<void>;
  runSearch(query: string): Promise<void>;
  download(path: string, fileName: string): Promise<void>;
  /** The print version into a tab opened by the click (see openPrintTab), to save as PDF. */
  print(path: string, fileName: string, tab: Window | null): Promise<void>;
}

function loadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'archive.error.linkEnded';
    if (error.status === 403) return 'archive.error.forbidden';
    if (error.status === 404) return 'archive.error.notFound';
  }
  return 'common.error.generic';
}

function searchErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 400) return 'archive.search.tooLong';
    if (error.status === 401) return 'archive.error.linkEnded';
  }
  return 'archive.search.failed';
}

function downloadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.code === 'not_approved') return 'archive.error.notApproved';
    if (error.status === 401) return 'archive.error.linkEnded';
  }
  return 'archive.error.download';
}

/**
 * A network's archive page (`/n/<id>/archive`): the archive itself, one search at a time (a newer
 * search's answer wins over a slower older one), and the approved notes' downloads. The token is
 * the network page's: a personal link of this network, else the office's admin token.
 */
export const useArchiveStore = create<ArchiveState>((set, get) => {
  let searchSeq = 0;

  return {
    networkId: null,
    access: null,
    phase: { kind: 'loading' },
    search: { kind: 'idle' },
    downloading: null,
    downloadError: null,

    async open(networkId) {
      const access = networkPageToken(networkId);
      searchSeq += 1;
      set({ networkId, access, phase: { kind: 'loading' }, search: { kind: 'idle' }, downloadError: null });
      if (!access) {
        set({ phase: { kind: 'failed', error: 'archive.error.noToken' } });
        return;
      }
      try {
        const archive = await fetchArchive(networkId, access.token);
        if (get().networkId === networkId) set({ phase: { kind: 'ready', archive } });
      } catch (error) {
        if (get().networkId === networkId) set({ phase: { kind: 'failed', error: loadErrorKey(error) } });
      }
    },

    async runSearch(rawQuery) {
      const { networkId, access } = get();
      const query = rawQuery.trim();
      if (!networkId || !access) return;
      const seq = ++searchSeq;
      if (query === '') {
        set({ search: { kind: 'idle' } });
        return;
      }
      set({ search: { kind: 'searching', query } });
      try {
        const response = await searchNetwork(networkId, query, access.token);
        if (seq === searchSeq) set({ search: { kind: 'done', response } });
      } catch (error) {
        if (seq === searchSeq) set({ search: { kind: 'failed', error: searchErrorKey(error) } });
      }
    },

    async download(path, fileName) {
      const { access } = get();
      if (!access) return;
      set({ downloading: path, downloadError: null });
      try {
        saveBlob(await fetchNoteFile(path, access.token), fileName);
        set({ downloading: null });
      } catch (error) {
        set({ downloading: null, downloadError: downloadErrorKey(error) });
      }
    },

    async print(path, fileName, tab) {
      const { access } = get();
      if (!access) return;
      set({ downloading: path, downloadError: null });
      try {
        const html = await (await fetchNoteFile(path, access.token)).text();
        // A blocked popup: the print page is saved instead, to open and print.
        if (tab) printInTab(tab, html);
        else saveBlob(new Blob([html], { type: 'text/html' }), fileName);
        set({ downloading: null });
      } catch (error) {
        tab?.close();
        set({ downloading: null, downloadError: downloadErrorKey(error) });
      }
    },
  };
});
