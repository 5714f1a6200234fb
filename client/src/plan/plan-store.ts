import { create } from 'zustand';
import {
  PLAN_SECTIONS,
  type MessageKey,
  type PlanAction,
  type PlanActionStatus,
  type PlanResponse,
  type PlanSectionId,
} from '@empiria/shared';
import { networkPageToken } from '../session/network-token';
import { createAction, downloadPlanDocx, fetchPlan, seedPlan, updateAction } from './plan-api';
import { planActErrorKey, planLoadErrorKey } from './plan-errors';

type Phase =
  { kind: 'loading' } | { kind: 'failed'; error: MessageKey } | { kind: 'ready'; plan: PlanResponse };

export interface ActionDraft {
  title: string;
  ownerCityId: string;
  deadline: string;
  notes: string;
  decidedAtMeetingId: string;
}

const emptyActionDraft = (): ActionDraft => ({
  title: '',
  ownerCityId: '',
  deadline: '',
  notes: '',
  decidedAtMeetingId: '',
});

interface PlanState {
  networkId: string | null;
  token: string | null;
  /** The office opens the page with the admin token; everyone else with their personal link. */
  office: boolean;
  phase: Phase;
  busy: boolean;
  actionDraft: ActionDraft;
  /** The sections "propose from notes" just filled. */
  seeded: PlanSectionId[] | null;
  error: MessageKey | null;
  open(networkId: string): Promise<void>;
  seed(): Promise<void>;
  setActionDraft(patch: Partial<ActionDraft>): void;
  addAction(): Promise<boolean>;
  setStatus(actionId: string, status: PlanActionStatus): Promise<void>;
  /** The pair changes an action's title, owner city, deadline or notes ([W1]). */
  editAction(actionId: string, patch: Omit<ActionDraft, 'decidedAtMeetingId'>): Promise<boolean>;
  download(): Promise<void>;
}

const replaceAction = (plan: PlanResponse, action: PlanAction): PlanResponse => ({
  ...plan,
  actions: plan.actions.some((a) => a.id === action.id)
    ? plan.actions.map((a) => (a.id === action.id ? action : a))
    : [...plan.actions, action],
});

export const usePlanStore = create<PlanState>((set, get) => {
  const ready = () => {
    const { phase, networkId, token } = get();
    return phase.kind === 'ready' && networkId && token ? { plan: phase.plan, networkId, token } : null;
  };

  return {
    networkId: null,
    token: null,
    office: false,
    phase: { kind: 'loading' },
    busy: false,
    actionDraft: emptyActionDraft(),
    seeded: null,
    error: null,

    async open(networkId) {
      const access = networkPageToken(networkId);
      if (!access) {
        set({ networkId, token: null, phase: { kind: 'failed', error: 'plan.error.forbidden' } });
        return;
      }
      set({ networkId, token: access.token, office: access.kind === 'admin', phase: { kind: 'loading' } });
      try {
        const plan = await fetchPlan(networkId, access.token);
        set({ phase: { kind: 'ready', plan } });
      } catch (error) {
        set({ phase: { kind: 'failed', error: planLoadErrorKey(error) } });
      }
    },

    async seed() {
      const context = ready();
      if (!context) return;
      set({ busy: true, error: null, seeded: null });
      try {
        const { seeded, plan } = await seedPlan(context.networkId, context.token);
        set({ phase: { kind: 'ready', plan }, seeded });
      } catch (error) {
        set({ error: planActErrorKey(error) });
      } finally {
        set({ busy: false });
      }
    },

    setActionDraft(patch) {
      set((state) => ({ actionDraft: { ...state.actionDraft, ...patch } }));
    },

    async addAction() {
      const context = ready();
      if (!context) return false;
      const draft = get().actionDraft;
      set({ busy: true, error: null });
      try {
        const action = await createAction(
          context.networkId,
          {
            title: draft.title,
            ownerCityId: draft.ownerCityId || null,
            deadline: draft.deadline || null,
            notes: draft.notes,
            decidedAtMeetingId: draft.decidedAtMeetingId || null,
          },
          context.token,
        );
        set({
          phase: { kind: 'ready', plan: replaceAction(context.plan, action) },
          actionDraft: emptyActionDraft(),
        });
        return true;
      } catch (error) {
        set({ error: planActErrorKey(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    },

    async setStatus(actionId, status) {
      const context = ready();
      if (!context) return;
      set({ busy: true, error: null });
      try {
        const action = await updateAction(context.networkId, actionId, { status }, context.token);
        const current = get().phase;
        if (current.kind === 'ready')
          set({ phase: { kind: 'ready', plan: replaceAction(current.plan, action) } });
      } catch (error) {
        set({ error: planActErrorKey(error) });
      } finally {
        set({ busy: false });
      }
    },

    async editAction(actionId, patch) {
      const context = ready();
      if (!context) return false;
      set({ busy: true, error: null });
      try {
        const action = await updateAction(
          context.networkId,
          actionId,
          {
            title: patch.title,
            ownerCityId: patch.ownerCityId,
            deadline: patch.deadline || null,
            notes: patch.notes,
          },
          context.token,
        );
        const current = get().phase;
        if (current.kind === 'ready')
          set({ phase: { kind: 'ready', plan: replaceAction(current.plan, action) } });
        return true;
      } catch (error) {
        set({ error: planActErrorKey(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    },

    async download() {
      const context = ready();
      if (!context) return;
      try {
        await downloadPlanDocx(context.networkId, context.token);
      } catch (error) {
        set({ error: planActErrorKey(error) });
      }
    },
  };
});

/** The sections in the vademecum's order (the server sends them so; this keeps the page honest). */
export const SECTION_ORDER: readonly PlanSectionId[] = PLAN_SECTIONS;

export const planPath = (networkId: string) => `/n/${encodeURIComponent(networkId)}/plan`;
