import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';

/** The process: configuration, start, the admin link on first start, clean shutdown. */
const VERSION = process.env.npm_package_version ?? '0.1.0';
const here = path.dirname(fileURLToPath(import.meta.url));
// Built: server/dist/main.js; in development: server/src/main.ts. The client is beside either.
const defaultClientDist = path.resolve(here, '../../client/dist');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, defaultClientDist);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  let app;
  try {
    app = await createApp(config, log, VERSION);
  } catch (err) {
    // A refused engine (storage/installation-database.ts) is the operator's to fix, not a crash.
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const address = await app.listen();
  const adminUrl = `${app.publicUrl()}/?admin=${encodeURIComponent(app.adminToken)}`;
  log.info('listening', {
    host: address.address,
    port: address.port,
    dataDir: config.dataDir,
    version: VERSION,
  });
  // Like Jupyter: the link to open is the one thing the person starting the server needs.
  process.stderr.write(
    `\n  Empiria is running at ${app.publicUrl()}\n` +
      (app.adminTokenCreated
        ? `  Admin link (first start; the token is saved in ${path.join(config.dataDir, 'admin-token')}):\n`
        : `  Admin link:\n`) +
      `    ${adminUrl}\n\n`,
  );

  let stopping = false;
  const stop = (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info('shutting down', {
      signal,
      rooms: app.registry.roomCount,
      connections: app.registry.connectionCount,
    });
    // Past the deadline whatever is not compacted stays in the update log, which loads as well.
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting', { timeoutMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    app.close({ requestGraceMs: Math.floor(config.shutdownTimeoutMs / 3) }).then(
      () => {
        log.info('stopped', { durationMs: Date.now() - started });
        process.exit(exitCode);
      },
      (err: unknown) => {
        log.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // The last resort, not the defence: every request, upgrade and socket has its own boundary
  // ([H1]), so reaching these is a bug to fix. A rejected promise nobody awaited leaves nothing
  // half-done: say so loudly and keep serving. A thrown exception may have left any state
  // half-changed: say so, save the rooms, and exit for the service manager to restart us.
  process.on('unhandledRejection', (reason: unknown) => {
    log.error('BUG: unhandled promise rejection (kept running)', { err: reason });
  });
  process.on('uncaughtException', (err: Error) => {
    log.error('BUG: uncaught exception; saving and exiting', { err });
    stop('uncaughtException', 1);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`Empiria could not start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
