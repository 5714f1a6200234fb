import { DemoLoadError } from '../../demo/load-demo';
import type { DemoLoader } from '../../demo/demo-loader';
import type { ApiContext } from '../api-context';
import { HttpError, sendJson } from '../http-error';
import type { Route } from './route';

/**
 * POST /api/admin/demo (docs/api.md, "Networks"): the office loads the eight demo networks with one
 * click, never silently; 409 `demo_loaded` the second time.
 */
export function createDemoRoutes(ctx: ApiContext, load: DemoLoader): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/admin\/demo$/,
      handler: async (req, res) => {
        ctx.guards.requireAdmin(req);
        try {
          const loaded = await load();
          ctx.log.info('demo data loaded', loaded);
          sendJson(res, 201, loaded);
        } catch (error) {
          if (error instanceof DemoLoadError) {
            if (error.kind === 'already-loaded') throw new HttpError(409, 'demo_loaded', error.message);
            ctx.log.error('demo data only partly loaded', { err: error });
            throw new HttpError(500, 'demo_failed', error.message);
          }
          throw error;
        }
      },
    },
  ];
}
