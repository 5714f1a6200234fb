import {
  attendanceListResponseSchema,
  organiserGrantResponseSchema,
  type AddWalkInRequest,
  type MarkAttendanceRequest,
} from '@empiria/shared';
import { apiRequest } from '../api/http';

/**
 * The network page's calls for a meeting's attendance list and the organiser's grant to invite
 * (docs/api.md, "Attendance list"); one function per endpoint, every answer parsed by its schema.
 */

const meetingPath = (networkId: string, meetingId: string) =>
  `/api/networks/${encodeURIComponent(networkId)}/meetings/${encodeURIComponent(meetingId)}`;

export const fetchAttendance = (token: string, networkId: string, meetingId: string) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/attendance`, {
    token,
    schema: attendanceListResponseSchema,
  });

export const markAttendance = (
  token: string,
  networkId: string,
  meetingId: string,
  body: MarkAttendanceRequest,
) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/attendance/marks`, {
    method: 'PUT',
    token,
    body,
    schema: attendanceListResponseSchema,
  });

export const addWalkIn = (token: string, networkId: string, meetingId: string, body: AddWalkInRequest) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/attendance/walk-ins`, {
    method: 'POST',
    token,
    body,
    schema: attendanceListResponseSchema,
  });

export const removeWalkIn = (token: string, networkId: string, meetingId: string, walkInId: string) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/attendance/walk-ins/${encodeURIComponent(walkInId)}`, {
    method: 'DELETE',
    token,
    schema: attendanceListResponseSchema,
  });

export const setOrganiserGrant = (
  token: string,
  networkId: string,
  meetingId: string,
  organiserMayInvite: boolean,
) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/organiser-grant`, {
    method: 'PUT',
    token,
    body: { organiserMayInvite },
    schema: organiserGrantResponseSchema,
  });
