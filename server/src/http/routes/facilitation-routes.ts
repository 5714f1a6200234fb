import { z } from 'zod';
import {
  ballotRequestSchema,
  privateNoteInputSchema,
  raiseHandRequestSchema,
  shapeIdSchema,
  startPrivateWritingRequestSchema,
  timerActionSchema,
  voteSessionIdSchema,
  voteSettingsSchema,
  type PrivateNoteRemovedResponse,
  type PrivateNoteResponse,
  type PrivateWritingResponse,
  type RaisedHandsResponse,
  type ServerTimeResponse,
  type TimerResponse,
  type VotingResponse,
} from '@empiria/shared';
import type { FacilitationServices } from '../../facilitation/facilitation-services';
import type { ApiContext } from '../api-context';
import { HttpError, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import type { Route } from './route';

function param<T>(schema: z.ZodType<T>, raw: string | undefined, what: string): T {
  const parsed = schema.safeParse(raw === undefined ? undefined : decodeURIComponent(raw));
  if (!parsed.success) throw new HttpError(404, 'not_found', `No such ${what}.`);
  return parsed.data;
}

/**
 * The facilitator's instruments that must not be forged or read early (docs/api.md): the timer
 * (server clock), dot voting, private writing and raised hands. The server checks every act and
 * writes the outcome into the control document; participants cannot write it themselves ([P2]).
 */
export function createFacilitationRoutes(ctx: ApiContext, services: FacilitationServices): Route[] {
  const { guards } = ctx;
  const board = (raw: string | undefined) => guards.boardId(raw);
  return [
    {
      method: 'GET',
      pattern: /^\/api\/time$/,
      handler: (_req, res) => sendJson(res, 200, { now: Date.now() } satisfies ServerTimeResponse),
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/timer$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        await guards.requireLead(req, boardId);
        const action = await readJsonBody(req, timerActionSchema);
        const timer = await services.timer.apply(boardId, action);
        sendJson(res, 200, { timer, serverNow: Date.now() } satisfies TimerResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/hand$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        const actor = await guards.requireWorker(req, boardId);
        const { raised } = await readJsonBody(req, raiseHandRequestSchema);
        sendJson(res, 200, {
          hands: await services.hands.set(boardId, actor.identity, raised),
        } satisfies RaisedHandsResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/hands\/([^/]+)\/lower$/,
      handler: async (req, res, [rawId, rawPerson]) => {
        const boardId = board(rawId);
        await guards.requireLead(req, boardId);
        const personId = param(z.string().min(1).max(64), rawPerson, 'person');
        sendJson(res, 200, {
          hands: await services.hands.lower(boardId, personId),
        } satisfies RaisedHandsResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/votes$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        await guards.requireLead(req, boardId);
        const settings = await readJsonBody(req, voteSettingsSchema);
        sendJson(res, 201, {
          voting: await services.voting.open(boardId, settings),
        } satisfies VotingResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/close$/,
      handler: async (req, res, [rawId, rawSession]) => {
        const boardId = board(rawId);
        await guards.requireLead(req, boardId);
        const sessionId = param(voteSessionIdSchema, rawSession, 'vote');
        sendJson(res, 200, {
          voting: await services.voting.close(boardId, sessionId),
        } satisfies VotingResponse);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/mine$/,
      handler: async (req, res, [rawId, rawSession]) => {
        const boardId = board(rawId);
        const actor = await guards.requireDotVoter(req, boardId);
        const sessionId = param(voteSessionIdSchema, rawSession, 'vote');
        sendJson(res, 200, await services.voting.mine(boardId, sessionId, actor.identity.id));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/ballots$/,
      handler: async (req, res, [rawId, rawSession]) => {
        const boardId = board(rawId);
        const actor = await guards.requireDotVoter(req, boardId);
        const sessionId = param(voteSessionIdSchema, rawSession, 'vote');
        const { targetId } = await readJsonBody(req, ballotRequestSchema);
        const { id, name, city } = actor.identity;
        sendJson(res, 200, await services.voting.cast(boardId, sessionId, { id, name, city }, targetId));
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/ballots\/([^/]+)$/,
      handler: async (req, res, [rawId, rawSession, rawTarget]) => {
        const boardId = board(rawId);
        const actor = await guards.requireDotVoter(req, boardId);
        const sessionId = param(voteSessionIdSchema, rawSession, 'vote');
        const targetId = param(shapeIdSchema, rawTarget, 'item');
        sendJson(res, 200, await services.voting.withdraw(boardId, sessionId, actor.identity.id, targetId));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/private-writing$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        await guards.requireLead(req, boardId);
        const { stepId } = await readJsonBody(req, startPrivateWritingRequestSchema);
        sendJson(res, 201, {
          privateWriting: await services.privateWriting.start(boardId, stepId),
        } satisfies PrivateWritingResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/private-writing\/reveal$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        const actor = await guards.requireLead(req, boardId);
        sendJson(res, 200, {
          privateWriting: await services.privateWriting.reveal(actor.board),
        } satisfies PrivateWritingResponse);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/private-notes$/,
      handler: async (req, res, [rawId]) => {
        const boardId = board(rawId);
        const actor = await guards.requireWorker(req, boardId);
        sendJson(res, 200, await services.privateWriting.mine(boardId, actor.identity.id));
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/boards\/([^/]+)\/private-notes\/([^/]+)$/,
      handler: async (req, res, [rawId, rawNote]) => {
        const boardId = board(rawId);
        const actor = await guards.requireWorker(req, boardId);
        const noteId = param(shapeIdSchema, rawNote, 'note');
        const note = await readJsonBody(req, privateNoteInputSchema);
        if (note.id !== noteId)
          throw new HttpError(400, 'invalid_body', 'The note id in the body differs from the path.');
        const { id, name, city } = actor.identity;
        sendJson(res, 200, {
          note: await services.privateWriting.write(boardId, { id, name, city }, note),
        } satisfies PrivateNoteResponse);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/boards\/([^/]+)\/private-notes\/([^/]+)$/,
      handler: async (req, res, [rawId, rawNote]) => {
        const boardId = board(rawId);
        const actor = await guards.requireWorker(req, boardId);
        const noteId = param(shapeIdSchema, rawNote, 'note');
        await services.privateWriting.remove(boardId, actor.identity.id, noteId);
        sendJson(res, 200, { removed: noteId } satisfies PrivateNoteRemovedResponse);
      },
    },
  ];
}
