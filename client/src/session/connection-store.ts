import { create } from 'zustand';
import type { ConnectionStatus } from '../sync/connection-status';

interface ConnectionState {
  ready: boolean;
  status: ConnectionStatus;
  pending: number;
  brokenRecords: number;
  brokenDismissedAt: number;
  newerSchema: boolean;
  recordCount: number;
  terminalCloseCode: number | null;
  /** Shape count when tldraw refused to add more shapes to a page, null if it never did. */
  maxShapesCount: number | null;
  /** Local changes taken back because the server would refuse them; shown until dismissed. */
  unstorableChanges: number;
  unstorableDismissedAt: number;
  /** This page was loaded again because the server refused an update of this tab ([D1]). */
  updateRefused: boolean;
  dismissBroken(): void;
  dismissUnstorable(): void;
  dismissUpdateRefused(): void;
  dismissMaxShapes(): void;
  reset(): void;
}

const initial = {
  ready: false,
  status: 'connecting' as ConnectionStatus,
  pending: 0,
  brokenRecords: 0,
  brokenDismissedAt: 0,
  newerSchema: false,
  recordCount: 0,
  terminalCloseCode: null,
  maxShapesCount: null,
  unstorableChanges: 0,
  unstorableDismissedAt: 0,
  updateRefused: false,
};

/** The board's link with the server, as the status badge and the notices show it. */
export const useConnectionStore = create<ConnectionState>((set) => ({
  ...initial,
  dismissBroken: () => set((state) => ({ brokenDismissedAt: state.brokenRecords })),
  dismissMaxShapes: () => set({ maxShapesCount: null }),
  dismissUnstorable: () => set((state) => ({ unstorableDismissedAt: state.unstorableChanges })),
  dismissUpdateRefused: () => set({ updateRefused: false }),
  reset: () => set(initial),
}));
