import type { DemoLoader } from '../../demo/demo-loader';
import type { ApiContext } from '../api-context';
import { sendJson } from '../http-error';
import type { Route } from './route';

/**
 * POST /api/admin/demo (docs/api.md, "Networks"): the office loads the eight demo networks with one
 * click, never silently; 409 `demo_loaded` the second time, 500 `demo_failed` (logged) for a part
 * that could not be stored.
 */
export function createDemoRoutes(ctx: ApiContext, load: DemoLoader): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/admin\/demo$/,
      handler: async (req, res) => {
        await ctx.guards.requireAdmin(req);
        const loaded = await load();
        ctx.log.info('demo data loaded', loaded);
        sendJson(res, 201, loaded);
      },
    },
  ];
}
