import { create } from 'zustand';
import * as Y from 'yjs';
import {
  awarenessStateSchema,
  planSectionIdSchema,
  type Identity,
  type PlanSectionId,
} from '@empiria/shared';
import type { ConnectionStatus } from '../sync/connection-status';
import { RoomLink } from '../sync/room-link';
import { websocketBase } from '../sync/websocket-base';

/** Who else is in a section now: their name and city colour, from the server-stamped presence. */
export type SectionWriter = Pick<Identity, 'id' | 'name' | 'color'>;

interface PlanLiveState {
  /** The plan's document once in sync with the server; null while connecting or for a reader. */
  doc: Y.Doc | null;
  status: ConnectionStatus | null;
  /** A close the server meant as final (a revoked link): reconnecting is pointless. */
  closedFor: number | null;
  writers: Partial<Record<PlanSectionId, SectionWriter[]>>;
  /** Opens the network's plan room with the personal link's token ([W6]). */
  connect(networkId: string, token: string): void;
  disconnect(): void;
  /** Tells the others which section this person is writing in (null: none). */
  focus(section: PlanSectionId | null): void;
}

let link: RoomLink | null = null;

/** The sections written together (D19): one Yjs document per network, shared by its writers. */
export const usePlanLiveStore = create<PlanLiveState>((set, get) => ({
  doc: null,
  status: null,
  closedFor: null,
  writers: {},

  connect(networkId, token) {
    get().disconnect();
    const doc = new Y.Doc();
    const current = new RoomLink(doc, {
      room: { networkId, doc: 'plan' },
      sessionToken: token,
      wsBase: websocketBase(),
      // Typing offline is kept on this device and sent on reconnect, as on a board.
      persist: true,
    });
    link = current;
    set({ status: 'connecting', closedFor: null, writers: {} });
    current.subscribe((state) => {
      if (link !== current) return;
      set({
        status: state.status,
        closedFor: state.terminalCloseCode,
        // The text is shown from the first sync on; after that it stays while reconnecting.
        ...(state.everSynced ? { doc } : {}),
      });
    });
    void current.open().then((provider) => {
      if (!provider || link !== current) return;
      const awareness = provider.awareness;
      const refresh = () => set({ writers: writersBySection(awareness.getStates(), doc.clientID) });
      awareness.on('change', refresh);
      refresh();
    });
  },

  disconnect() {
    link?.destroy();
    link = null;
    set({ doc: null, status: null, closedFor: null, writers: {} });
  },

  focus(section) {
    link?.provider?.awareness.setLocalStateField('section', section);
  },
}));

/** Presence states to "who writes where", without this tab and without anything malformed. */
export function writersBySection(
  states: Map<number, Record<string, unknown>>,
  ownClientId: number,
): Partial<Record<PlanSectionId, SectionWriter[]>> {
  const writers: Partial<Record<PlanSectionId, SectionWriter[]>> = {};
  for (const [clientId, raw] of states) {
    if (clientId === ownClientId) continue;
    const state = awarenessStateSchema.safeParse(raw);
    const section = planSectionIdSchema.safeParse(raw['section']);
    if (!state.success || !section.success) continue;
    const { id, name, color } = state.data.user;
    const list = (writers[section.data] ??= []);
    if (!list.some((w) => w.id === id)) list.push({ id, name, color });
  }
  return writers;
}
