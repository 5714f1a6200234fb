import { create } from 'zustand';
import type { ConnectionStatus } from '../canvas/connection-status';

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
  dismissBroken(): void;
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
};

/** The board's link with the server, as the status badge and the notices show it. */
export const useConnectionStore = create<ConnectionState>((set) => ({
  ...initial,
  dismissBroken: () => set((state) => ({ brokenDismissedAt: state.brokenRecords })),
  dismissMaxShapes: () => set({ maxShapesCount: null }),
  reset: () => set(initial),
}));
