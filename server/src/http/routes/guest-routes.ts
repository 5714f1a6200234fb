import type { RevokeInviteResponse } from '@empiria/shared';
import type { ApiContext } from '../api-context';
import { sendJson } from '../http-error';
import type { Route } from './route';

/**
 * The pair invites guest experts to their meeting ([G1]): they read the board's current guest link
 * to pass it on. Replacing it (which ends the guests' sessions) is the ordinary
 * `POST …/invites/guest/revoke`. Only the facilitator and the expert ([P5]); the admin reads every
 * link on the admin screen.
 */
export function createGuestRoutes(ctx: ApiContext): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/invites\/guest$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        await guards.requireLead(req, boardId);
        const response: RevokeInviteResponse = {
          role: 'guest',
          invite: (await ctx.boards.invitesOf(boardId)).guest,
        };
        sendJson(res, 200, response);
      },
    },
  ];
}
