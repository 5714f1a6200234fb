import type { ContinuityResponse } from '@empiria/shared';
import type { ContinuityService } from '../../networks/continuity-service';
import type { ApiContext } from '../api-context';
import { forbidden, sendJson } from '../http-error';
import type { Route } from './route';

/**
 * What a meeting's board brings from the network's earlier meetings: the contract, the topics
 * and "last time" ([N17] in docs/permissions.md). Everyone who works on the board and the room
 * display read it; observers see only what the group agreed to share, and this is not that.
 */
export function createContinuityRoutes(ctx: ApiContext, continuity: ContinuityService): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/continuity$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireActor(req, boardId);
        if (actor.claims.r === 'observer') {
          throw forbidden('Observers see only the notes the group agreed to share with them.');
        }
        const response: ContinuityResponse = await continuity.forBoard(boardId);
        sendJson(res, 200, response);
      },
    },
  ];
}
