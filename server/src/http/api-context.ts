import type { AccessResolver } from '../auth/access';
import type { BoardService } from '../boards/board-service';
import type { Logger } from '../log';
import type { RoomRegistry } from '../sync/room-registry';
import type { FacilitationServices } from './routes/facilitation-routes';
import type { RouteGuards } from './routes/route';

/** What the API's route modules are given. */
export interface ApiContext {
  boards: BoardService;
  access: AccessResolver;
  guards: RouteGuards;
  registry: RoomRegistry;
  log: Logger;
  version: string;
  startedAt: number;
  tldrawLicenseKey: string | null;
  facilitation: FacilitationServices;
}
