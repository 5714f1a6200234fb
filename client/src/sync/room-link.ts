import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CloseCode, roomKey, type RoomAddress } from '@empiria/shared';
import { deriveConnectionStatus } from './connection-status';
import type { ConnectionStatus } from './connection-status';
import { takeServerStateWhole } from './server-state-intake';

export interface RoomLinkOptions {
  /** A board's document or a network's (the work plan). */
  room: RoomAddress;
  /** The board's session token, or the personal link's token for a network's room. */
  sessionToken: string;
  /** `ws(s)://host/ws` */
  wsBase: string;
  /**
   * Keep a copy in IndexedDB, so edits made offline survive a reload and are sent on reconnect.
   * Only for documents this client may write: a copy of a document the server refuses our
   * writes to would keep a refused local change alive across reloads.
   */
  persist: boolean;
  /** Wait at most this long for the IndexedDB copy before connecting anyway. */
  waitForDiskMs?: number;
}

/** Set for the next page load when the server refused this tab's update (see startOver). */
export const UPDATE_REFUSED_FLAG = 'empiria:update-refused';

export interface RoomLinkState {
  /** The websocket is open and the first sync exchange with the server completed. */
  synced: boolean;
  /** In sync at least once during this session. */
  everSynced: boolean;
  status: ConnectionStatus;
  /** A close code the server sent to say reconnecting is pointless (e.g. 4401 revoked). */
  terminalCloseCode: number | null;
}

const DEFAULT_WAIT_FOR_DISK_MS = 3000;

/**
 * One document's link: the IndexedDB copy (when asked) and the y-websocket provider to its room
 * (`roomKey`), with an honest connection state. The canvas and the control document
 * each hold one; the document itself stays the caller's.
 */
export class RoomLink {
  private providerValue: WebsocketProvider | null = null;
  private persistence: IndexeddbPersistence | null = null;
  private readonly listeners = new Set<(state: RoomLinkState) => void>();
  private readonly disposers: Array<() => void> = [];
  private destroyed = false;
  private state: RoomLinkState = {
    synced: false,
    everSynced: false,
    status: 'connecting',
    terminalCloseCode: null,
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: RoomLinkOptions,
  ) {}

  get provider(): WebsocketProvider | null {
    return this.providerValue;
  }

  getState(): RoomLinkState {
    return this.state;
  }

  /** Called on every change of the state; returns the unsubscribe function. */
  subscribe(listener: (state: RoomLinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the local copy (if any), then connects. Resolves once the provider exists. */
  async open(): Promise<WebsocketProvider | null> {
    const { room, sessionToken, wsBase, persist } = this.options;
    const key = roomKey(room);
    if (persist) {
      this.persistence = new IndexeddbPersistence(`empiria/${key}`, this.doc);
      await withTimeout(this.persistence.whenSynced, this.options.waitForDiskMs ?? DEFAULT_WAIT_FOR_DISK_MS);
    }
    if (this.destroyed) return null;
    const provider = new WebsocketProvider(wsBase, key, this.doc, {
      params: { token: sessionToken },
      disableBc: true,
    });
    takeServerStateWhole(provider, this.persistence);
    this.providerValue = provider;
    this.watch(provider);
    return provider;
  }

  /** Resolves when the first sync with the server completed, or after `timeoutMs`. */
  whenSynced(timeoutMs: number): Promise<void> {
    if (this.state.synced) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => {
        const stop = this.subscribe((state) => {
          if (!state.synced) return;
          stop();
          resolve();
        });
      }),
      timeoutMs,
    );
  }

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.providerValue?.awareness.setLocalState(null);
    this.providerValue?.destroy();
    void this.persistence?.destroy();
    this.listeners.clear();
  }

  /**
   * The server refused an update of ours whole ([D1]): our copy now holds a change nobody else
   * has, and the IndexedDB copy would send it again on every load. Forget both and load the page
   * again, from the server's copy; the next load says what happened.
   */
  private async startOver(): Promise<void> {
    this.providerValue?.disconnect();
    await this.persistence?.clearData().catch(() => undefined);
    try {
      sessionStorage.setItem(UPDATE_REFUSED_FLAG, String(Date.now()));
    } catch {
      // Private mode without storage: the reload still happens, only without the notice.
    }
    window.location.reload();
  }

  private update(patch: Partial<RoomLinkState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private watch(provider: WebsocketProvider): void {
    const refresh = () => {
      const synced = provider.wsconnected && provider.synced;
      const everSynced = this.state.everSynced || synced;
      const status = deriveConnectionStatus({
        synced,
        everSynced,
        browserOnline: navigator.onLine,
        failedAttempts: provider.wsUnsuccessfulReconnects,
      });
      const { state } = this;
      if (synced !== state.synced || everSynced !== state.everSynced || status !== state.status) {
        this.update({ synced, everSynced, status });
      }
    };
    const onClosed = (close: { code: number }) => {
      this.update({ terminalCloseCode: close.code });
      if (close.code === CloseCode.updateRefused) void this.startOver();
    };
    provider.on('status', refresh);
    provider.on('sync', refresh);
    provider.on('connection-close', refresh);
    provider.on('closed', onClosed);
    window.addEventListener('online', refresh);
    window.addEventListener('offline', refresh);
    this.disposers.push(() => {
      provider.off('status', refresh);
      provider.off('sync', refresh);
      provider.off('connection-close', refresh);
      provider.off('closed', onClosed);
      window.removeEventListener('online', refresh);
      window.removeEventListener('offline', refresh);
    });
  }
}

export function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
