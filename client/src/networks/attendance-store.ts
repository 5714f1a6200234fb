import { create } from 'zustand';
import {
  ATTENDANCE_ERROR_CODES,
  NETWORK_ERROR_CODES,
  type AddWalkInRequest,
  type AttendanceListResponse,
  type AttendanceStatus,
} from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import * as api from './attendance-api-client';
import { actionError, type ActionError, type ActionResult } from './network-errors';

/**
 * The meetings' attendance lists on the network page (issue #12 item 4, [N18]–[N19]), by meeting
 * id, as the server last answered them: every change answers the whole list, which replaces the
 * one shown, so what is shown is what is stored. The network page's store hands it the page's
 * token and network each time it reads the network.
 */

interface PageAccess {
  token: string;
  networkId: string;
}

interface AttendanceState {
  page: PageAccess | null;
  lists: Record<string, AttendanceListResponse>;
  /** Reads the lists of these meetings of the page's network; a list that fails stays as it was. */
  open: (page: PageAccess, meetingIds: readonly string[]) => Promise<void>;
  loadAll: (meetingIds: readonly string[]) => Promise<void>;
  mark: (meetingId: string, entry: string, status: AttendanceStatus | null) => Promise<ActionResult>;
  addWalkIn: (meetingId: string, body: AddWalkInRequest) => Promise<ActionResult>;
  removeWalkIn: (meetingId: string, walkInId: string) => Promise<ActionResult>;
  /** [N18] The pair lets the organiser invite for this meeting, or takes it back. */
  setGrant: (meetingId: string, organiserMayInvite: boolean) => Promise<ActionResult>;
  clear: () => void;
}

/** The list's refusals in the organiser's words; the rest as the network page says them. */
export function attendanceError(failure: unknown): ActionError {
  if (failure instanceof ApiRequestError) {
    switch (failure.code) {
      case ATTENDANCE_ERROR_CODES.notOnList:
        return { code: failure.code, key: 'attendance.error.notOnList' };
      case ATTENDANCE_ERROR_CODES.walkInNeedsStatus:
        return { code: failure.code, key: 'attendance.error.walkIn' };
      case NETWORK_ERROR_CODES.cityNotMember:
        return { code: failure.code, key: 'attendance.error.cityNotMember' };
    }
  }
  return actionError(failure);
}

export const useAttendanceStore = create<AttendanceState>()((set, get) => {
  /** Runs one change; its answer is the meeting's new list. A refusal reads the list again. */
  async function change(
    meetingId: string,
    call: (token: string, networkId: string) => Promise<AttendanceListResponse>,
  ): Promise<ActionResult> {
    const { page } = get();
    if (!page) return { ok: false, code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
    try {
      const list = await call(page.token, page.networkId);
      set((state) => ({ lists: { ...state.lists, [meetingId]: list } }));
      return { ok: true };
    } catch (failure) {
      await get().loadAll([meetingId]);
      return { ok: false, ...attendanceError(failure) };
    }
  }

  return {
    page: null,
    lists: {},

    async open(page, meetingIds) {
      if (get().page?.networkId !== page.networkId) set({ lists: {} });
      set({ page });
      await get().loadAll(meetingIds);
    },

    async loadAll(meetingIds) {
      const { page } = get();
      if (!page) return;
      const loaded = await Promise.all(
        meetingIds.map((meetingId) =>
          api.fetchAttendance(page.token, page.networkId, meetingId).catch(() => null),
        ),
      );
      set((state) => {
        const lists = { ...state.lists };
        for (const list of loaded) if (list) lists[list.meetingId] = list;
        return { lists };
      });
    },

    mark: (meetingId, entry, status) =>
      change(meetingId, (token, networkId) =>
        api.markAttendance(token, networkId, meetingId, { entry, status }),
      ),
    addWalkIn: (meetingId, body) =>
      change(meetingId, (token, networkId) => api.addWalkIn(token, networkId, meetingId, body)),
    removeWalkIn: (meetingId, walkInId) =>
      change(meetingId, (token, networkId) => api.removeWalkIn(token, networkId, meetingId, walkInId)),

    async setGrant(meetingId, organiserMayInvite) {
      const { page } = get();
      if (!page) return { ok: false, code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
      try {
        await api.setOrganiserGrant(page.token, page.networkId, meetingId, organiserMayInvite);
      } catch (failure) {
        return { ok: false, ...attendanceError(failure) };
      }
      await get().loadAll([meetingId]);
      return { ok: true };
    },

    clear: () => set({ page: null, lists: {} }),
  };
});
