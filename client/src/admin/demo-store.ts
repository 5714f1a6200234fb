import { z } from 'zod';
import { create } from 'zustand';
import { ApiRequestError, apiRequest } from '../api/http';

/** POST /api/admin/demo: the eight demo networks, loaded once (409 `demo_loaded` after). */
export const loadDemoData = (adminToken: string) =>
  apiRequest('/api/admin/demo', {
    method: 'POST',
    token: adminToken,
    body: {},
    schema: z.object({ networks: z.number().int() }),
  });

type DemoStatus =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'loading' }
  | { kind: 'done'; networks: number }
  | { kind: 'already' }
  | { kind: 'error'; message: string };

interface DemoState {
  status: DemoStatus;
  /** Raised by each load: the admin home re-reads its network lists under a new key. */
  generation: number;
  ask(): void;
  cancel(): void;
  load(adminToken: string): Promise<void>;
}

/** The admin home's "Wczytaj dane demonstracyjne": asked, confirmed, loaded, never silently. */
export const useDemoStore = create<DemoState>((set, get) => ({
  status: { kind: 'idle' },
  generation: 0,
  ask: () => set({ status: { kind: 'confirming' } }),
  cancel: () => set({ status: { kind: 'idle' } }),
  async load(adminToken) {
    if (get().status.kind === 'loading') return;
    set({ status: { kind: 'loading' } });
    try {
      const { networks } = await loadDemoData(adminToken);
      set((state) => ({ status: { kind: 'done', networks }, generation: state.generation + 1 }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'demo_loaded') {
        set({ status: { kind: 'already' } });
      } else {
        set({ status: { kind: 'error', message: error instanceof Error ? error.message : String(error) } });
      }
    }
  },
}));
