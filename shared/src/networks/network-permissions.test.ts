import { describe, expect, it } from 'vitest';
import { NETWORK_ROLES, type NetworkRole } from './network-api';
import {
  NETWORK_ACTS,
  mayAct,
  mayAnswerFor,
  mayManageInvitations,
  refusedMeetingFields,
  type NetworkAct,
  type NetworkActor,
} from './network-permissions';

const office: NetworkActor = { kind: 'office' };
const person = (role: NetworkRole, networkId = 'net-A', personId = `p-${role}`): NetworkActor => ({
  kind: 'person',
  networkId,
  personId,
  role,
});
const rolesAllowed = (act: NetworkAct) => NETWORK_ROLES.filter((role) => mayAct(person(role), act, 'net-A'));

describe('network permissions (docs/permissions.md)', () => {
  it('[N1] the office may do everything, in every network', () => {
    for (const act of NETWORK_ACTS) {
      expect(mayAct(office, act, 'net-A')).toBe(true);
      expect(mayAct(office, act, 'net-B')).toBe(true);
    }
    expect(mayAct(office, 'network.create', null)).toBe(true);
    expect(refusedMeetingFields(office, 'net-A', ['startsAt', 'agenda', 'room'])).toEqual([]);
  });

  it('[N1] only the office creates networks and lists them all', () => {
    expect(rolesAllowed('network.create')).toEqual([]);
    expect(rolesAllowed('network.list-all')).toEqual([]);
    expect(mayAct(person('facilitator'), 'network.create', null)).toBe(false);
  });

  it("[N2] the pair manages its network's members, links, meetings, agenda and invitations", () => {
    for (const act of ['members.manage', 'links.manage', 'meetings.plan', 'invitations.manage'] as const) {
      expect(rolesAllowed(act)).toEqual(['facilitator', 'expert']);
    }
    expect(refusedMeetingFields(person('expert'), 'net-A', ['startsAt', 'mode', 'agenda'])).toEqual([]);
    expect(mayAnswerFor(person('facilitator'), 'net-A', 'someone-else')).toBe(true);
  });

  it('[N3] the organiser changes only practical fields and sees the answers, not invitations', () => {
    const organiser = person('organiser');
    expect(mayAct(organiser, 'meetings.practical', 'net-A')).toBe(true);
    expect(mayAct(organiser, 'invitations.view', 'net-A')).toBe(true);
    expect(mayAct(organiser, 'network.view', 'net-A')).toBe(true);
    expect(mayAct(organiser, 'invitations.manage', 'net-A')).toBe(false);
    expect(mayAct(organiser, 'meetings.plan', 'net-A')).toBe(false);
    expect(mayAct(organiser, 'members.manage', 'net-A')).toBe(false);
    expect(refusedMeetingFields(organiser, 'net-A', ['hostCity', 'venue', 'room', 'cateringNotes'])).toEqual(
      [],
    );
    expect(refusedMeetingFields(organiser, 'net-A', ['room', 'startsAt', 'agenda', 'mode'])).toEqual([
      'startsAt',
      'agenda',
      'mode',
    ]);
    expect(mayAnswerFor(organiser, 'net-A', 'someone-else')).toBe(false);
  });

  it('[N4] representatives and substitutes: their own home and answers, nothing else', () => {
    for (const role of ['representative', 'substitute'] as const) {
      const me = person(role, 'net-A', 'me');
      const allowed = NETWORK_ACTS.filter((act) => mayAct(me, act, 'net-A'));
      expect(allowed).toEqual(['home.view', 'invitation.answer-own', 'meetings.calendar']);
      expect(mayAnswerFor(me, 'net-A', 'me')).toBe(true);
      expect(mayAnswerFor(me, 'net-A', 'my-neighbour')).toBe(false);
      expect(refusedMeetingFields(me, 'net-A', ['room'])).toEqual(['room']);
    }
  });

  it('[N5] nobody acts in another network: its members, meetings and notes are closed', () => {
    for (const role of NETWORK_ROLES) {
      const elsewhere = person(role, 'net-B', 'me');
      for (const act of NETWORK_ACTS) expect(mayAct(elsewhere, act, 'net-A')).toBe(false);
      expect(mayAnswerFor(elsewhere, 'net-A', 'me')).toBe(false);
      expect(refusedMeetingFields(elsewhere, 'net-A', ['room'])).toEqual(['room']);
    }
  });

  it('[N18] the organiser edits the invitee list and sends invitations only for a meeting the pair granted', () => {
    const organiser = person('organiser');
    const granted = { organiserMayInvite: true };
    const notGranted = { organiserMayInvite: false };
    expect(mayManageInvitations(organiser, 'net-A', notGranted)).toBe(false);
    expect(mayManageInvitations(organiser, 'net-A', granted)).toBe(true);
    // The grant is the organiser's alone: representatives and substitutes gain nothing from it.
    for (const role of ['representative', 'substitute'] as const) {
      expect(mayManageInvitations(person(role), 'net-A', granted)).toBe(false);
    }
    // Another network's organiser: a grant of net-A opens nothing to them ([N5]).
    expect(mayManageInvitations(person('organiser', 'net-B'), 'net-A', granted)).toBe(false);
    // The pair and the office need no grant.
    for (const actor of [office, person('facilitator'), person('expert')]) {
      expect(mayManageInvitations(actor, 'net-A', notGranted)).toBe(true);
    }
    // Only the pair (and the office) grant it; the organiser cannot grant it to themselves.
    expect(rolesAllowed('invitations.grant')).toEqual(['facilitator', 'expert']);
    // The grant opens the invitee list, not answering for others.
    expect(mayAnswerFor(organiser, 'net-A', 'someone-else')).toBe(false);
  });

  it('[N19] the organiser, the pair and the office keep the attendance list; nobody else', () => {
    expect(rolesAllowed('attendance.keep')).toEqual(['facilitator', 'expert', 'organiser']);
    expect(mayAct(office, 'attendance.keep', 'net-A')).toBe(true);
    expect(mayAct(person('organiser', 'net-B'), 'attendance.keep', 'net-A')).toBe(false);
  });
});
