import http from 'node:http';
import { ERROR_CODES } from '@empiria/shared';
import type { Logger } from '../log';
import type { ApiContext } from './api-context';
import { createApiRoutes } from './api-routes';
import { matchRoute } from './routes/route';
import { HttpError, sendError } from './http-error';
import type { StaticFiles } from './static-files';
import { createUpgradeHandler, type UpgradeContext } from './websocket-upgrade';

/** The one HTTP server: API, health, the built client, and websocket upgrades. */
export function createHttpServer(api: ApiContext, upgrade: UpgradeContext, files: StaticFiles, log: Logger) {
  const routes = createApiRoutes(api);
  const upgrades = createUpgradeHandler(upgrade);

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handle = async () => {
      const match = matchRoute(routes, req.method ?? 'GET', pathname);
      if (match && 'handler' in match) return match.handler(req, res, match.params);
      if (match) {
        res.setHeader('allow', match.allowed.join(', '));
        throw new HttpError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} here.`);
      }
      if (pathname.startsWith('/api/') || pathname === '/api')
        throw new HttpError(404, ERROR_CODES.notFound, 'No such endpoint.');
      files.serve(req, res, pathname);
    };
    handle().catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        sendError(res, err);
        return;
      }
      log.error('request failed', { err, method: req.method, path: pathname });
      sendError(res, new HttpError(500, ERROR_CODES.internal, 'Something went wrong on the server.'));
    });
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log.debug('upgrade socket error', { reason: err.message }));
    upgrades.handle(req, socket, head);
  });
  server.on('close', () => upgrades.close());
  return server;
}
