import type { ApiContext } from './api-context';
import { createBoardRoutes } from './routes/board-routes';
import { createFacilitationRoutes, type FacilitationServices } from './routes/facilitation-routes';
import type { Route } from './routes/route';

/** Every route of the JSON API, one module per feature. Each handler checks its caller itself. */
export function createApiRoutes(ctx: ApiContext, facilitation: FacilitationServices): Route[] {
  return [...createBoardRoutes(ctx), ...createFacilitationRoutes(ctx, facilitation)];
}
