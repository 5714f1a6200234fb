import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  addInviteeRequestSchema,
  addMemberRequestSchema,
  addWalkInRequestSchema,
  addPersonRequestSchema,
  answerInvitationRequestSchema,
  createMeetingRequestSchema,
  createNetworkRequestSchema,
  entityIdSchema,
  ERROR_CODES,
  HOME_ERROR_CODES,
  homeJoinRequestSchema,
  homeNotesFormatSchema,
  mayAct,
  mayAnswerFor,
  mayManageInvitations,
  markAttendanceRequestSchema,
  organiserGrantRequestSchema,
  refusedMeetingFields,
  updateMeetingRequestSchema,
  updateMemberRequestSchema,
  updateNetworkRequestSchema,
  updatePersonRequestSchema,
  type AttendanceListResponse,
  type CreatedResponse,
  type CreateMeetingResponse,
  type HomeResponse,
  type HomeSubstitutesResponse,
  type HostSuggestion,
  type JoinResponse,
  type InvitationListResponse,
  type MeetingField,
  type MemberCity,
  type NetworkAct,
  type NetworkActor,
  type NetworkDetail,
  type NetworkListResponse,
  type NetworkPerson,
  type PersonalLinkResponse,
  type InvitationResponse,
  type MeetingResponse,
  type MemberCityResponse,
  type NetworkPersonResponse,
  type NetworkResponse,
} from '@empiria/shared';
import type { Access } from '../../auth/access';
import type { PersonalOrigin } from '../../auth/tokens';
import type { MemberRecord } from '../../networks/network-store';
import type { PersonActor } from '../../networks/home-access';
import type { NetworkPersonView } from '../../networks/network-service';
import type { NetworkServices } from '../../networks/network-services';
import { warsawLocalTime } from '../../networks/warsaw-time';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

function noContent(res: ServerResponse): void {
  res.writeHead(204, { 'cache-control': 'no-store' });
  res.end();
}

const toMemberCity = (member: MemberRecord): MemberCity => ({
  cityId: member.cityId,
  city: member.city,
  membership: member.membership,
  joinedAt: member.joinedAt,
  representatives: member.representatives,
  substitutes: member.substitutes,
});

const toNetworkPerson = (person: NetworkPersonView): NetworkPerson => ({
  id: person.id,
  name: person.name,
  email: person.email,
  city: person.city,
  role: person.role,
  link: person.link,
});

/**
 * Networks, member cities, people, personal links, meetings and invitations (docs/api.md,
 * "Networks"). Every route asks the permission rules ([N1]–[N5], shared/src/networks/
 * network-permissions.ts) who may do what, then the services, whose refusals become 404/409/400.
 */
export function createNetworkRoutes(ctx: ApiContext, services: NetworkServices): Route[] {
  const { networks, meetings } = services;

  /** The office (admin token) or a person through their personal link, with their role now. */
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> =>
    actorOfAccess(await ctx.guards.authenticate(req));
  const actorOfAccess = async (access: Access): Promise<NetworkActor> => {
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await networks.actorOf(access.claims.w, access.claims.u);
      // The person left the network between the link's check and now.
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('Networks open with a personal link or the administrator token, not a board link.');
  };

  /** The caller, if they may do `act` in this network ([N5]: never in another network). */
  const allowed = async (
    req: IncomingMessage,
    act: NetworkAct,
    networkId: string | null,
  ): Promise<NetworkActor> => {
    const actor = await actorOf(req);
    if (mayAct(actor, act, networkId)) return actor;
    if (actor.kind === 'person' && networkId !== null && actor.networkId !== networkId) {
      throw forbidden('This personal link belongs to another network.');
    }
    throw forbidden('Your role in this network does not allow that.');
  };

  /**
   * [N2] the pair, [N18] the organiser for a meeting the pair granted it: the caller, if they may
   * edit this meeting's invitee list ([N5]: never in another network).
   */
  const invitingFor = async (
    req: IncomingMessage,
    networkId: string,
    meetingId: string,
  ): Promise<NetworkActor> => {
    const actor = await allowed(req, 'invitations.view', networkId);
    const grant = { organiserMayInvite: await services.attendance.organiserMayInvite(networkId, meetingId) };
    if (mayManageInvitations(actor, networkId, grant)) return actor;
    throw forbidden(
      actor.kind === 'person' && actor.role === 'organiser'
        ? 'The organiser invites only for a meeting the facilitator or the expert let them invite for.'
        : 'Only the facilitator, the expert or the office change the invitee list.',
    );
  };

  /** A person through their personal link, at home ([N4]); the office has no home. */
  const homeActor = async (req: IncomingMessage): Promise<PersonActor> => (await homeCaller(req)).actor;
  /** The person at home and the personal link they came with (a join from home names it, [N12]). */
  const homeCaller = async (req: IncomingMessage): Promise<{ actor: PersonActor; link: PersonalOrigin }> => {
    const access = await ctx.guards.authenticate(req);
    const actor = await actorOfAccess(access);
    if (actor.kind !== 'person' || access.kind !== 'personal') {
      throw new HttpError(
        403,
        ERROR_CODES.forbidden,
        'The office has no home of its own: see /api/networks.',
      );
    }
    if (!mayAct(actor, 'home.view', actor.networkId)) throw forbidden();
    return { actor, link: { w: access.claims.w, u: access.claims.u, i: access.claims.i } };
  };

  /**
   * Ends the live board connections a network person made from home when their personal link
   * ends (replaced, or they left the network): their sessions are refused from the next request
   * on ([N12]); an open websocket is closed now, as a revoked invite's are.
   */
  const closeHomeSessions = async (networkId: string, personId: string): Promise<number> =>
    (await services.home.boardPeople(networkId, personId)).reduce(
      (sum, board) => sum + ctx.registry.closePeople(board.boardId, board.personIds),
      0,
    );

  const detail = async (networkId: string, actor: NetworkActor): Promise<NetworkDetail> => ({
    network: await networks.get(networkId),
    members: (await networks.members(networkId)).map(toMemberCity),
    people: (await networks.people(networkId, mayAct(actor, 'links.manage', networkId))).map(toNetworkPerson),
    meetings: await meetings.list(networkId),
  });

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('POST', /^\/api\/networks$/, async (req, res) => {
      await allowed(req, 'network.create', null);
      const body = await readJsonBody(req, createNetworkRequestSchema);
      const network = await networks.create(body);
      ctx.log.info('network created', { network: network.id });
      const response: CreatedResponse = { id: network.id };
      sendJson(res, 201, response);
    }),
    route('GET', /^\/api\/networks$/, async (req, res) => {
      const actor = await actorOf(req);
      const response: NetworkListResponse = {
        networks: actor.kind === 'office' ? await networks.list() : await networks.list([actor.networkId]),
      };
      sendJson(res, 200, response);
    }),
    route('GET', /^\/api\/networks\/([^/]+)$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await allowed(req, 'network.view', networkId);
      sendJson(res, 200, await detail(networkId, actor));
    }),
    route('PATCH', /^\/api\/networks\/([^/]+)$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'network.edit', networkId);
      const patch = await readJsonBody(req, updateNetworkRequestSchema);
      sendJson(res, 200, { network: await networks.update(networkId, patch) } satisfies NetworkResponse);
    }),

    // Member cities.
    route('POST', /^\/api\/networks\/([^/]+)\/members$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'members.manage', networkId);
      const body = await readJsonBody(req, addMemberRequestSchema);
      const member = await networks.addMember(networkId, body.city, body.membership);
      ctx.log.info('member city added', { network: networkId, city: member.cityId });
      sendJson(res, 201, { member: toMemberCity(member) } satisfies MemberCityResponse);
    }),
    route('PATCH', /^\/api\/networks\/([^/]+)\/members\/([^/]+)$/, async (req, res, [rawId, rawCity]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'members.manage', networkId);
      const cityId = idParam(rawCity, 'member city');
      const body = await readJsonBody(req, updateMemberRequestSchema);
      sendJson(res, 200, {
        member: toMemberCity(await networks.updateMember(networkId, cityId, body.membership)),
      } satisfies MemberCityResponse);
    }),
    route('DELETE', /^\/api\/networks\/([^/]+)\/members\/([^/]+)$/, async (req, res, [rawId, rawCity]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'members.manage', networkId);
      await networks.removeMember(networkId, idParam(rawCity, 'member city'));
      noContent(res);
    }),

    // People and their personal links.
    route('POST', /^\/api\/networks\/([^/]+)\/people$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await allowed(req, 'members.manage', networkId);
      const body = await readJsonBody(req, addPersonRequestSchema);
      const person = await networks.addPerson(networkId, body, new Date(), actor.kind === 'office');
      ctx.log.info('person added to network', { network: networkId, person: person.id, role: person.role });
      sendJson(res, 201, { person: toNetworkPerson(person) } satisfies NetworkPersonResponse);
    }),
    route('PATCH', /^\/api\/networks\/([^/]+)\/people\/([^/]+)$/, async (req, res, [rawId, rawPerson]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await allowed(req, 'members.manage', networkId);
      const personId = idParam(rawPerson, 'person');
      const patch = await readJsonBody(req, updatePersonRequestSchema);
      const person = await networks.updatePerson(
        networkId,
        personId,
        patch,
        new Date(),
        actor.kind === 'office',
      );
      sendJson(res, 200, { person: toNetworkPerson(person) } satisfies NetworkPersonResponse);
    }),
    route('DELETE', /^\/api\/networks\/([^/]+)\/people\/([^/]+)$/, async (req, res, [rawId, rawPerson]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'members.manage', networkId);
      const personId = idParam(rawPerson, 'person');
      await networks.removePerson(networkId, personId, warsawLocalTime(new Date()));
      const closed = await closeHomeSessions(networkId, personId);
      ctx.log.info('person removed from network', {
        network: networkId,
        person: personId,
        closedConnections: closed,
      });
      noContent(res);
    }),
    route(
      'POST',
      /^\/api\/networks\/([^/]+)\/people\/([^/]+)\/link$/,
      async (req, res, [rawId, rawPerson]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'links.manage', networkId);
        const personId = idParam(rawPerson, 'person');
        const response: PersonalLinkResponse = {
          personId,
          link: await networks.replaceLink(networkId, personId),
        };
        const closed = await closeHomeSessions(networkId, personId);
        ctx.log.info('personal link replaced', {
          network: networkId,
          person: personId,
          closedConnections: closed,
        });
        sendJson(res, 200, response);
      },
    ),

    // Meetings.
    route('GET', /^\/api\/networks\/([^/]+)\/meetings$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'network.view', networkId);
      sendJson(res, 200, { meetings: await meetings.list(networkId) });
    }),
    route('POST', /^\/api\/networks\/([^/]+)\/meetings$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'meetings.plan', networkId);
      const body = await readJsonBody(req, createMeetingRequestSchema);
      const meeting = await meetings.create(networkId, body);
      ctx.log.info('meeting created', { network: networkId, meeting: meeting.id, board: meeting.boardId });
      const response: CreateMeetingResponse = { id: meeting.id, boardId: meeting.boardId, meeting };
      sendJson(res, 201, response);
    }),
    // Before the meeting routes below: "suggested-host" would otherwise read as a meeting id.
    route('GET', /^\/api\/networks\/([^/]+)\/meetings\/suggested-host$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'meetings.practical', networkId);
      const response: HostSuggestion = await meetings.suggestHost(networkId);
      sendJson(res, 200, response);
    }),
    route('GET', /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)$/, async (req, res, [rawId, rawMeeting]) => {
      const networkId = idParam(rawId, 'network');
      await allowed(req, 'network.view', networkId);
      sendJson(res, 200, {
        meeting: await meetings.get(networkId, idParam(rawMeeting, 'meeting')),
      } satisfies MeetingResponse);
    }),
    route('PATCH', /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)$/, async (req, res, [rawId, rawMeeting]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await allowed(req, 'meetings.practical', networkId);
      const meetingId = idParam(rawMeeting, 'meeting');
      const patch = await readJsonBody(req, updateMeetingRequestSchema);
      const refused = refusedMeetingFields(actor, networkId, Object.keys(patch) as MeetingField[]);
      if (refused.length > 0) {
        throw new HttpError(
          403,
          'field_not_allowed',
          `Your role changes only the meeting's place, room and catering notes, not: ${refused.join(', ')}.`,
        );
      }
      // A new agenda rewrites the board, or is refused once the board is in use (409 board_in_use, D16).
      sendJson(res, 200, {
        meeting: await meetings.update(networkId, meetingId, patch),
      } satisfies MeetingResponse);
    }),

    // Invitations.
    route(
      'GET',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitations$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'invitations.view', networkId);
        const response: InvitationListResponse = {
          invitations: await meetings.invitations(networkId, idParam(rawMeeting, 'meeting')),
        };
        sendJson(res, 200, response);
      },
    ),
    route(
      'POST',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitations$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        const meetingId = idParam(rawMeeting, 'meeting');
        await invitingFor(req, networkId, meetingId);
        const { personId } = await readJsonBody(req, addInviteeRequestSchema);
        const response: InvitationListResponse = {
          invitations: await meetings.invite(networkId, meetingId, personId),
        };
        sendJson(res, 201, response);
      },
    ),
    route(
      'DELETE',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitations\/([^/]+)$/,
      async (req, res, [rawId, rawMeeting, rawPerson]) => {
        const networkId = idParam(rawId, 'network');
        const meetingId = idParam(rawMeeting, 'meeting');
        await invitingFor(req, networkId, meetingId);
        const response: InvitationListResponse = {
          invitations: await meetings.uninvite(networkId, meetingId, idParam(rawPerson, 'person')),
        };
        sendJson(res, 200, response);
      },
    ),
    route(
      'PUT',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitations\/([^/]+)\/answer$/,
      async (req, res, [rawId, rawMeeting, rawPerson]) => {
        const networkId = idParam(rawId, 'network');
        const actor = await actorOf(req);
        const personId = idParam(rawPerson, 'person');
        if (!mayAnswerFor(actor, networkId, personId)) {
          throw forbidden(
            actor.kind === 'person' && actor.networkId !== networkId
              ? 'This personal link belongs to another network.'
              : 'You answer only your own invitation.',
          );
        }
        const meetingId = idParam(rawMeeting, 'meeting');
        const body = await readJsonBody(req, answerInvitationRequestSchema);
        const invitation = await meetings.answer(
          networkId,
          meetingId,
          personId,
          body.answer,
          body.substituteId,
        );
        ctx.log.info('invitation answered', { network: networkId, meeting: meetingId, person: personId });
        sendJson(res, 200, { invitation } satisfies InvitationResponse);
      },
    ),
    route(
      'GET',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitation\.ics$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'meetings.calendar', networkId);
        const meetingId = idParam(rawMeeting, 'meeting');
        const body = await meetings.calendar(networkId, meetingId, services.calendarHost());
        res.writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `attachment; filename="empiria-${meetingId}.ics"`,
          'content-length': Buffer.byteLength(body),
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    ),

    // [N18] The pair lets the organiser edit this meeting's invitee list and send its invitations.
    route(
      'PUT',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/organiser-grant$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'invitations.grant', networkId);
        const meetingId = idParam(rawMeeting, 'meeting');
        const body = await readJsonBody(req, organiserGrantRequestSchema);
        const organiserMayInvite = await services.attendance.setOrganiserMayInvite(
          networkId,
          meetingId,
          body.organiserMayInvite,
        );
        ctx.log.info('organiser invitation grant', {
          network: networkId,
          meeting: meetingId,
          organiserMayInvite,
        });
        sendJson(res, 200, { organiserMayInvite });
      },
    ),

    // [N19] The attendance list the organiser keeps.
    route(
      'GET',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/attendance$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'attendance.keep', networkId);
        const response: AttendanceListResponse = await services.attendance.list(
          networkId,
          idParam(rawMeeting, 'meeting'),
        );
        sendJson(res, 200, response);
      },
    ),
    route(
      'PUT',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/attendance\/marks$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'attendance.keep', networkId);
        const meetingId = idParam(rawMeeting, 'meeting');
        const body = await readJsonBody(req, markAttendanceRequestSchema);
        const response: AttendanceListResponse = await services.attendance.mark(
          networkId,
          meetingId,
          body.entry,
          body.status,
        );
        ctx.log.info('attendance marked', { network: networkId, meeting: meetingId, status: body.status });
        sendJson(res, 200, response);
      },
    ),
    route(
      'POST',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/attendance\/walk-ins$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'attendance.keep', networkId);
        const meetingId = idParam(rawMeeting, 'meeting');
        const body = await readJsonBody(req, addWalkInRequestSchema);
        const response: AttendanceListResponse = await services.attendance.addWalkIn(
          networkId,
          meetingId,
          body,
        );
        ctx.log.info('unannounced attendee added', {
          network: networkId,
          meeting: meetingId,
          kind: body.kind,
        });
        sendJson(res, 201, response);
      },
    ),
    route(
      'DELETE',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/attendance\/walk-ins\/([^/]+)$/,
      async (req, res, [rawId, rawMeeting, rawWalkIn]) => {
        const networkId = idParam(rawId, 'network');
        await allowed(req, 'attendance.keep', networkId);
        const response: AttendanceListResponse = await services.attendance.removeWalkIn(
          networkId,
          idParam(rawMeeting, 'meeting'),
          idParam(rawWalkIn, 'person on the attendance list'),
        );
        sendJson(res, 200, response);
      },
    ),

    // A person's home.
    route('GET', /^\/api\/me$/, async (req, res) => {
      const actor = await actorOf(req);
      if (actor.kind !== 'person') {
        throw new HttpError(
          403,
          ERROR_CODES.forbidden,
          'The office has no home of its own: see /api/networks.',
        );
      }
      if (!mayAct(actor, 'home.view', actor.networkId)) throw forbidden();
      const person = await networks.person(actor.networkId, actor.personId);
      const response: HomeResponse = {
        person: { id: person.id, name: person.name, city: person.city, email: person.email },
        networks: [await meetings.home(actor.networkId, actor.personId)],
      };
      sendJson(res, 200, response);
    }),
    // [N12] Into a meeting's board from home: no form, as the person they are in the network.
    route('POST', /^\/api\/me\/meetings\/([^/]+)\/join$/, async (req, res, [rawMeeting]) => {
      const { actor, link } = await homeCaller(req);
      const meetingId = idParam(rawMeeting, 'meeting');
      const body = await readJsonBody(req, homeJoinRequestSchema);
      const entry = await services.home.boardEntry(actor, meetingId, body.where);
      const board = await ctx.boards.get(entry.meeting.boardId);
      if (!board) throw notFound('No such board.');
      // The session names the personal link: it ends when the link does ([N12]).
      const session = await ctx.boards.join(
        board.id,
        entry.role,
        entry.inviteId,
        { name: entry.name, city: entry.city, where: entry.where, deviceSecret: entry.deviceSecret },
        new Date(),
        link,
      );
      await ctx.attendance.record(board.id, { ...session.identity, where: entry.where });
      ctx.log.info('person joined from home', {
        network: actor.networkId,
        meeting: meetingId,
        board: board.id,
        role: entry.role,
        person: session.identity.id,
      });
      const response: JoinResponse = { ...session, board };
      sendJson(res, 200, response);
    }),
    // [N10] Who may come instead of the caller: names only, for their own invitation's answer.
    route('GET', /^\/api\/me\/meetings\/([^/]+)\/substitutes$/, async (req, res, [rawMeeting]) => {
      const actor = await homeActor(req);
      const response: HomeSubstitutesResponse = await services.home.substitutes(
        actor,
        idParam(rawMeeting, 'meeting'),
      );
      sendJson(res, 200, response);
    }),
    // The approved note of a meeting of the person's network, never a draft.
    route('GET', /^\/api\/me\/meetings\/([^/]+)\/notes$/, async (req, res, [rawMeeting]) => {
      const actor = await homeActor(req);
      const meetingId = idParam(rawMeeting, 'meeting');
      const format = homeNotesFormatSchema.safeParse(
        new URL(req.url ?? '', 'http://x').searchParams.get('format') ?? 'html',
      );
      if (!format.success)
        throw new HttpError(400, ERROR_CODES.badRequest, 'format must be html, md or docx.');
      const { meeting, observer } = await services.home.notes(actor, meetingId);
      const board = await ctx.boards.get(meeting.boardId);
      if (!board) throw notFound('No such board.');
      const exported = await ctx.summary.exporter.export(board, format.data, observer);
      if (!exported.approved) {
        throw new HttpError(
          404,
          HOME_ERROR_CODES.notApproved,
          "This meeting's note has not been approved yet.",
        );
      }
      const bytes = typeof exported.body === 'string' ? Buffer.from(exported.body, 'utf8') : exported.body;
      res.writeHead(200, {
        'content-type': exported.contentType,
        'content-length': bytes.byteLength,
        // HTML opens in the tab to be read; the others are files to keep.
        'content-disposition': `${format.data === 'html' ? 'inline' : 'attachment'}; filename="${exported.filename}"`,
        'cache-control': 'no-store',
      });
      res.end(bytes);
    }),
  ];
}
