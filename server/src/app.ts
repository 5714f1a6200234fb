import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { isBoardRoom } from '@empiria/shared';
import { AccessResolver } from './auth/access';
import { loadSecrets } from './auth/secrets';
import { TokenCodec } from './auth/tokens';
import { AttendanceStore } from './boards/attendance-store';
import { BoardService } from './boards/board-service';
import { PeopleService } from './boards/people-service';
import { PeopleStore } from './boards/people-store';
import { effectivePublicUrl, type Config } from './config';
import { createHttpServer } from './http/http-server';
import { RateLimits } from './http/rate-limits';
import { SharedRateLimitStore } from './http/shared-rate-limits';
import { createFacilitationServices } from './facilitation/facilitation-services';
import { RouteGuards } from './http/routes/route';
import { PhotoService } from './photos/photo-service';
import { PhotoStore } from './photos/photo-store';
import { createSummaryServices } from './summary/summary-services';
import { createNetworkServices } from './networks/network-services';
import { createArchiveServices } from './networks/archive-services';
import { createContinuityService } from './networks/continuity-services';
import { createMeetingReportService } from './networks/meeting-report-services';
import { createForumService } from './networks/forum-service';
import { createOfficeHoursService } from './networks/office-hours-service';
import { DiskNetworkFileStore } from './networks/network-documents-file-store';
import { createNetworkDocumentsService } from './networks/network-documents-service';
import { createSurveyService } from './networks/survey-service';
import { PlanDocumentRules } from './networks/plan-document-rules';
import { PlanSectionsMirror } from './networks/plan-mirror';
import { PlanRooms, planRoomDecision } from './networks/plan-room';
import { RoomAuthorNames } from './networks/room-author-names';
import { BoardSurveyService } from './networks/board-survey-service';
import { ControlWriter } from './facilitation/control-writer';
import { createPlanService } from './networks/plan-service';
import { PlanStore } from './networks/plan-store';
import { createPublicationService } from './public/publication-services';
import { meetingFactsReader } from './networks/meeting-facts';
import { createInvitationMail } from './mail/mail-services';
import { loadDemo } from './demo/load-demo';
import { meetingBoards } from './boards/meeting-boards';
import { StaticFiles } from './http/static-files';
import type { Logger } from './log';
import { BoardRepository } from './storage/board-repository';
import type { DocumentStore } from './storage/document-store';
import { boardDocumentRules } from './boards/board-document-rules';
import { SetAsideStore } from './storage/set-aside-store';
import type { SqlDatabase } from './storage/sql/sql-database';
import { openInstallationDatabase } from './storage/installation-database';
import { RoomRegistry, type RoomRegistryOptions } from './sync/room-registry';
import { DEFAULT_ROOM_OPTIONS } from './sync/room';
import { RedisRelay } from './sync/redis-relay';
import { PostgresRoomLocks, postgresLockConnection } from './sync/postgres-room-locks';
import { followStreamAudience } from './stream/stream-audience';
import { EngineHealthMonitor } from './ops/engine-health';
import { trackRequestsInFlight } from './ops/requests-in-flight';
import { ServerMetrics } from './ops/server-metrics';
import { timedDocumentStore } from './storage/timed-document-store';

export interface App {
  server: Server;
  registry: RoomRegistry;
  boards: BoardService;
  publicUrl: () => string;
  adminToken: string;
  adminTokenCreated: boolean;
  listen(): Promise<AddressInfo>;
  /**
   * The graceful shutdown (docs/operations.md): stops listening and answers anything new with
   * 503, lets requests in progress finish (up to `requestGraceMs`), tells every websocket to
   * reconnect (4503), compacts every room and closes the stores. What was acknowledged is stored.
   */
  close(options?: { requestGraceMs?: number }): Promise<void>;
}

/**
 * Wires one process: every store and the documents in SQLite under DATA_DIR, or in PostgreSQL
 * when DATABASE_URL is set (storage/installation-database.ts).
 */
export async function createApp(
  config: Config,
  log: Logger,
  version: string,
  registryOptions?: Partial<RoomRegistryOptions>,
): Promise<App> {
  const secrets = loadSecrets(config.dataDir, config.adminToken);
  const startedAt = Date.now();
  let draining = false;
  // The gauges read the registry only when scraped, by which time it exists.
  const metrics: ServerMetrics = new ServerMetrics(
    { rooms: () => registry.roomCount, connections: () => registry.connectionCount },
    version,
  );
  // Every table on one engine: SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set.
  const database = await openInstallationDatabase(config, log);
  const sql: SqlDatabase = database.sql;
  const documents: DocumentStore = timedDocumentStore(database.documents, (seconds) =>
    metrics.appended(seconds),
  );
  const repo = new BoardRepository(sql);
  const setAside = new SetAsideStore(sql);
  // Several processes of one installation share their rooms through Redis; they know each other
  // by a hash of the token secret they share.
  const installation = createHash('sha256').update(secrets.tokenSecret).digest('hex').slice(0, 16);
  // Rooms' locks live beside the documents when those are on PostgreSQL (its advisory locks);
  // otherwise the relay's Redis keeps them.
  const roomLocks =
    config.redis && config.databaseUrl && database.engine === 'postgresql'
      ? new PostgresRoomLocks(
          postgresLockConnection(config.databaseUrl),
          log.child({ component: 'room-locks' }),
        )
      : null;
  const relay = config.redis
    ? new RedisRelay(
        {
          url: config.redis.url,
          prefix: config.redis.prefix,
          heartbeatMs: config.redis.heartbeatMs,
          installation,
          observer: metrics,
          ...(roomLocks ? { locks: roomLocks } : {}),
        },
        log,
      )
    : null;
  // Each engine the process cannot serve without, asked by /healthz: the database's, and Redis (a
  // PING through the relay's connection) when it is set.
  const engines = new EngineHealthMonitor(
    [...database.checks, ...(relay ? [{ name: 'redis', check: () => relay.ping() }] : [])],
    log,
  );
  // With several processes an address gets one budget in all of them, not one per process.
  const sharedRateLimits = config.redis
    ? new SharedRateLimitStore(
        { url: config.redis.url, prefix: config.redis.prefix, installation },
        log.child({ component: 'rate-limits' }),
      )
    : null;
  const roomAuthors = new RoomAuthorNames();
  const planStore = new PlanStore(sql);
  const planMirror = new PlanSectionsMirror(planStore, log);
  const boardRules = boardDocumentRules({ boardOf: (id) => repo.get(id), setAside, log });
  const registry = new RoomRegistry(documents, log, {
    relay,
    rulesFor: (address, rooms) =>
      isBoardRoom(address)
        ? boardRules(address, rooms)
        : new PlanDocumentRules({
            networkId: address.networkId,
            mirror: planMirror,
            // As the upgrade admitted them: the rules run inside update validation and cannot await the database.
            authorOf: (personId) => roomAuthors.nameOf(address.networkId, personId),
            log,
          }),
    observer: metrics,
    room: {
      ...DEFAULT_ROOM_OPTIONS,
      sendIntervalMs: config.roomSendIntervalMs,
      sendIntervalMaxMs: config.roomSendIntervalMaxMs,
    },
    ...registryOptions,
  });
  // The group sees which observers follow the stream ([P7]).
  const stopAudience = followStreamAudience(registry, log);
  const tokens = new TokenCodec(secrets.tokenSecret);
  let boundPort = config.port;
  const publicUrl = () => effectivePublicUrl(config, boundPort);
  const people = new PeopleService(new PeopleStore(sql));
  const attendance = new AttendanceStore(sql);
  const boards = new BoardService({
    repo,
    tokens,
    publicUrl,
    sessionTtlSeconds: config.sessionTtlSeconds,
    people,
  });
  // A network meeting's note starts from what the network planned (network, title, day, mode, place).
  const summary = createSummaryServices(
    sql,
    registry,
    attendance,
    people,
    meetingFactsReader(sql, attendance),
  );
  // A meeting's board is made like any board, its steps composed from the meeting's agenda (D16).
  const networks = createNetworkServices(
    sql,
    tokens,
    publicUrl,
    meetingBoards(boards, registry, (boardId, audience) =>
      summary.approvals.hasApprovedNote(boardId, audience),
    ),
    attendance,
  );
  const invitationMail = createInvitationMail(sql, networks, config.smtp);
  const plan = createPlanService(
    planStore,
    networks,
    // Its own continuity reader over the same tables: stateless, so a second one costs nothing.
    createContinuityService({
      sql,
      networks: networks.networks,
      approvals: summary.approvals,
      board: (boardId) => repo.get(boardId),
    }),
    new PlanRooms(registry, planMirror, planStore),
  );
  const surveys = createSurveyService(sql, networks);
  const access = new AccessResolver(
    tokens,
    secrets.adminToken,
    (invite, board) => repo.isInviteActive(invite, board),
    (person, board) => people.isActive(board, person),
    (link, network, person) => networks.networks.isLinkActive(link, network, person),
  );

  const allowedOrigins = () => {
    const origins = new Set([publicUrl(), ...config.extraOrigins]);
    if (!config.publicUrl) {
      origins.add(`http://localhost:${boundPort}`);
      origins.add(`http://127.0.0.1:${boundPort}`);
    }
    return origins;
  };

  const server = createHttpServer(
    {
      boards,
      attendance,
      access,
      guards: new RouteGuards(access, boards),
      registry,
      log,
      version,
      startedAt,
      tldrawLicenseKey: config.tldrawLicenseKey,
      facilitation: createFacilitationServices(sql, registry, people),
      summary,
      setAside,
      photos: new PhotoService(new PhotoStore(sql, config.dataDir), registry, config.photoQuota),
      networks,
      continuity: createContinuityService({
        sql,
        networks: networks.networks,
        approvals: summary.approvals,
        board: (boardId) => repo.get(boardId),
      }),
      archive: createArchiveServices({
        sql,
        registry,
        networks: networks.networks,
        approvals: summary.approvals,
        attendance,
        boardOf: (boardId) => repo.get(boardId),
      }),
      meetingReports: createMeetingReportService({
        sql,
        registry,
        approvals: summary.approvals,
        boardOf: (boardId) => repo.get(boardId),
        attendance,
      }),
      invitationMail: invitationMail?.service ?? null,
      forum: createForumService(sql, networks),
      officeHours: createOfficeHoursService(sql, networks),
      networkDocuments: createNetworkDocumentsService(
        sql,
        new DiskNetworkFileStore(config.dataDir, config.http.bodyIdleTimeoutMs),
        networks,
      ),
      surveys,
      boardSurveys: new BoardSurveyService(surveys, new ControlWriter(registry)),
      plan,
      publication: createPublicationService({
        sql,
        approvals: summary.approvals,
        board: (boardId) => repo.get(boardId),
        publicUrl,
      }),
      loadDemo: () => loadDemo({ networks, boards, registry, summary, attendance, repo }),
      ops: {
        version,
        startedAt,
        rooms: () => registry.roomCount,
        connections: () => registry.connectionCount,
        engines,
        metrics,
        metricsToken: config.metricsToken,
        isDraining: () => draining,
      },
    },
    {
      access,
      boards,
      registry,
      log,
      allowedOrigins,
      networkRoom: (claims, address) =>
        planRoomDecision(claims, address, networks.networks, plan, roomAuthors),
    },
    new StaticFiles(config.clientDist),
    log,
    {
      limits: config.http,
      rateLimits: new RateLimits(config.rateLimits, sharedRateLimits?.limiters),
      trustProxy: config.trustProxy,
      metrics,
      isDraining: () => draining,
    },
  );
  const requestsInFlight = trackRequestsInFlight(server);

  return {
    server,
    registry,
    boards,
    publicUrl,
    adminToken: secrets.adminToken,
    adminTokenCreated: secrets.adminTokenCreated,
    listen: async () => {
      // A process that cannot reach the installation's Redis must not serve rooms on its own.
      await relay?.ready();
      return new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address() as AddressInfo;
          boundPort = address.port;
          resolve(address);
        });
      });
    },
    close: async ({ requestGraceMs = 3_000 } = {}) => {
      draining = true;
      // No new connections; a proxy's next attempt goes to another process (or waits for ours).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const inFlight = requestsInFlight.count;
      if (!(await requestsInFlight.idle(requestGraceMs)))
        log.warn('requests still running at shutdown; cutting them', { count: requestsInFlight.count });
      else if (inFlight > 0) log.info('requests in progress finished', { count: inFlight });
      stopAudience();
      await registry.close();
      await relay?.close();
      await roomLocks?.close();
      await sharedRateLimits?.close();
      // The rooms' close started writing what waited; this waits for it, and catches a plan written
      // by the API into no open room.
      await planMirror
        .close()
        .catch((err: unknown) => log.error('could not copy the work plan to its table at shutdown', { err }));
      server.closeAllConnections();
      await closed;
      invitationMail?.mailer.close();
      // The documents' store and the stores' database, with the pool or file they share.
      await database.close();
    },
  };
}
