import { create } from 'zustand';
import {
  mayAct,
  type AddMemberRequest,
  type AddPersonRequest,
  type Invitation,
  type MembershipType,
  type MessageKey,
  type NetworkAct,
  type NetworkActor,
  type NetworkDetail,
  type UpdateNetworkRequest,
} from '@empiria/shared';
import { useAttendanceStore } from './attendance-store';
import * as api from './network-api-client';
import { actionError, type ActionResult } from './network-errors';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';

/**
 * The network page's state (issue #11): the network as the server last answered it, who is looking
 * (the office or a person of the network, which decides what the page offers: N1–N3), and every
 * meeting's invitations. Every change goes to the server and the page is read again after it, so
 * what is shown is always what is stored.
 */

export type { ActionResult } from './network-errors';

interface NetworkPageState {
  networkId: string | null;
  access: NetworkPageToken | null;
  actor: NetworkActor | null;
  detail: NetworkDetail | null;
  loadError: MessageKey | null;
  /** By meeting id. */
  invitations: Record<string, Invitation[]>;
  /** The office's facilitator links of the meetings' boards, by board id. */
  boardLinks: Record<string, string>;

  open: (networkId: string) => Promise<void>;
  reload: () => Promise<void>;
  may: (act: NetworkAct) => boolean;

  saveNetwork: (patch: UpdateNetworkRequest) => Promise<ActionResult>;
  addMember: (body: AddMemberRequest) => Promise<ActionResult>;
  changeMembership: (cityId: string, membership: MembershipType) => Promise<ActionResult>;
  removeMember: (cityId: string) => Promise<ActionResult>;
  addPerson: (body: AddPersonRequest) => Promise<ActionResult>;
  removePerson: (personId: string) => Promise<ActionResult>;
  reissueLink: (personId: string) => Promise<ActionResult>;
  loadInvitations: (meetingId: string) => Promise<void>;
  addInvitee: (meetingId: string, personId: string) => Promise<ActionResult>;
  removeInvitee: (meetingId: string, personId: string) => Promise<ActionResult>;
  downloadCalendar: (meetingId: string, fileName: string) => Promise<ActionResult>;
}

export const useNetworkStore = create<NetworkPageState>()((set, get) => {
  /** Runs one change with the page's token, then reads the network again. */
  async function change(call: (token: string, networkId: string) => Promise<unknown>): Promise<ActionResult> {
    const { access, networkId } = get();
    if (!access || !networkId)
      return { ok: false, code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
    try {
      await call(access.token, networkId);
    } catch (failure) {
      return { ok: false, ...actionError(failure) };
    }
    await get().reload();
    return { ok: true };
  }

  async function whoIsLooking(access: NetworkPageToken, networkId: string): Promise<NetworkActor> {
    if (access.kind === 'admin') return { kind: 'office' };
    const home = await api.fetchMe(access.token);
    const mine = home.networks.find((entry) => entry.network.id === networkId);
    // A link of another network opens nothing here; the server refuses it too (N5).
    if (!mine) throw new Error('another network');
    return { kind: 'person', networkId, personId: home.person.id, role: mine.role };
  }

  return {
    networkId: null,
    access: null,
    actor: null,
    detail: null,
    loadError: null,
    invitations: {},
    boardLinks: {},

    async open(networkId) {
      const access = networkPageToken(networkId);
      set({ networkId, access, actor: null, detail: null, loadError: null, invitations: {}, boardLinks: {} });
      useAttendanceStore.getState().clear();
      if (!access) {
        set({ loadError: 'networkAdmin.error.noToken' });
        return;
      }
      try {
        set({ actor: await whoIsLooking(access, networkId) });
      } catch (failure) {
        const error = actionError(failure);
        set({ loadError: error.code === 'generic' ? 'networkAdmin.error.forbidden' : error.key });
        return;
      }
      await get().reload();
    },

    async reload() {
      const { access, networkId } = get();
      if (!access || !networkId) return;
      try {
        const detail = await api.fetchNetwork(access.token, networkId);
        set({ detail, loadError: null });
        if (get().may('invitations.view')) {
          await Promise.all(detail.meetings.map((meeting) => get().loadInvitations(meeting.id)));
        }
        // [N19] the attendance lists, and with them the organiser's grant to invite ([N18]).
        if (get().may('attendance.keep')) {
          await useAttendanceStore.getState().open(
            { token: access.token, networkId },
            detail.meetings.map((meeting) => meeting.id),
          );
        }
        if (access.kind === 'admin' && detail.meetings.length > 0) {
          const { boards } = await api.fetchAdminBoards(access.token);
          set({
            boardLinks: Object.fromEntries(boards.map((board) => [board.id, board.invites.facilitator])),
          });
        }
      } catch (failure) {
        set({ loadError: actionError(failure).key });
      }
    },

    may(act) {
      const { actor, networkId } = get();
      return actor !== null && mayAct(actor, act, networkId);
    },

    saveNetwork: (patch) => change((token, id) => api.updateNetwork(token, id, patch)),
    addMember: (body) => change((token, id) => api.addMember(token, id, body)),
    changeMembership: (cityId, membership) =>
      change((token, id) => api.changeMembership(token, id, cityId, membership)),
    removeMember: (cityId) => change((token, id) => api.removeMember(token, id, cityId)),
    addPerson: (body) => change((token, id) => api.addPerson(token, id, body)),
    removePerson: (personId) => change((token, id) => api.removePerson(token, id, personId)),
    reissueLink: (personId) => change((token, id) => api.reissueLink(token, id, personId)),

    async loadInvitations(meetingId) {
      const { access, networkId } = get();
      if (!access || !networkId) return;
      try {
        const { invitations } = await api.fetchInvitations(access.token, networkId, meetingId);
        set((state) => ({ invitations: { ...state.invitations, [meetingId]: invitations } }));
      } catch {
        // The list stays as it was; the meeting's section offers to read it again.
      }
    },
    addInvitee: (meetingId, personId) =>
      change((token, id) => api.addInvitee(token, id, meetingId, personId)),
    removeInvitee: (meetingId, personId) =>
      change((token, id) => api.removeInvitee(token, id, meetingId, personId)),

    async downloadCalendar(meetingId, fileName) {
      const { access, networkId } = get();
      if (!access || !networkId)
        return { ok: false, code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
      try {
        const blob = await api.fetchInvitationCalendar(access.token, networkId, meetingId);
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = fileName;
        anchor.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return { ok: true };
      } catch (failure) {
        return { ok: false, ...actionError(failure) };
      }
    },
  };
});

/**
 * One empty list for "not loaded yet": a selector must return the same value for the same state,
 * or React renders again and again.
 */
export const NONE: readonly never[] = [];
