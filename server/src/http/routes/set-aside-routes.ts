import { isLeadRole } from '@empiria/shared';
import type { SetAsideStore } from '../../storage/set-aside-store';
import type { ApiContext } from '../api-context';
import { forbidden, sendJson } from '../http-error';
import type { Route } from './route';

/**
 * What the server set aside when it loaded a board's documents ([D6]): for the facilitator, the
 * expert and the administrator, so a damaged record is never silently gone.
 */
export function createSetAsideRoutes(ctx: ApiContext, setAside: SetAsideStore): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/set-aside$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const { access } = await guards.requireBoardAccess(req, boardId);
        const lead = access.kind === 'admin' || (access.kind === 'session' && isLeadRole(access.claims.r));
        if (!lead) throw forbidden('Only the facilitator, the expert or the administrator can see this.');
        sendJson(res, 200, {
          records: (await setAside.list(boardId)).map((record) => ({
            doc: record.doc,
            key: record.key,
            reason: record.reason,
            data: record.data,
            at: new Date(record.at).toISOString(),
          })),
        });
      },
    },
  ];
}
