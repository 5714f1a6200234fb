import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment only, with defaults that run on one machine with no
 * other service. Invalid values stop the start with a message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((text) => URL.canParse(text), 'must be a URL, e.g. postgres://empiria:secret@db:5432/empiria')
    .refine(
      (text) => !URL.canParse(text) || ['postgres:', 'postgresql:'].includes(new URL(text).protocol),
      'must start with postgres:// or postgresql://',
    )
    .optional(),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  CLIENT_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SESSION_TTL_DAYS: z.coerce.number().positive().default(30),
  TRUST_PROXY: z.enum(['0', '1', 'false', 'true']).default('0'),
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(20_000),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(180_000),
  HTTP_BODY_IDLE_TIMEOUT_MS: milliseconds(15_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
  WS_KEEPALIVE_MS: milliseconds(10_000),
  ROOM_SEND_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(50),
  ROOM_SEND_INTERVAL_MAX_MS: z.coerce.number().int().min(0).max(1000).default(100),
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).default(1000),
  MAX_PHOTOS_PER_BOARD: z.coerce.number().int().min(1).max(1_000_000).default(300),
  MAX_PHOTO_MB_PER_BOARD: z.coerce.number().int().min(1).max(10_000_000).default(1024),
  RATE_LIMIT_JOIN: rate('120/60'),
  RATE_LIMIT_BOARD_CREATE: rate('30/600'),
  RATE_LIMIT_TOKEN_FAILURES: rate('10/900'),
  RATE_LIMIT_PHOTO_UPLOAD: rate('120/600'),
  RATE_LIMIT_ACT: rate('20/1'),
  RATE_LIMIT_WEBSOCKET: rate('600/60'),
  SMTP_URL: z.url().optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  SMTP_SECURE: z.enum(['0', '1', 'false', 'true']).optional(),
  REDIS_URL: z
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only, at most 64')
    .default('empiria'),
  REDIS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // Empty means unset: compose.yaml passes `${METRICS_TOKEN:-}` when the operator sets none.
  METRICS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: milliseconds(10_000),
});

/** Every environment variable the server reads: the operator's guide and compose.yaml are checked against it. */
export const CONFIG_ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);

function milliseconds(fallback: number) {
  return z.coerce.number().int().min(100).max(3_600_000).default(fallback);
}

/** `<points>/<seconds>`: at most that many in each window of that many seconds, per key. */
function rate(fallback: string) {
  return z
    .string()
    .regex(/^\d{1,7}\/\d{1,6}$/, 'must be <points>/<seconds>, e.g. 120/60')
    .default(fallback)
    .transform((text): RateLimitSetting => {
      const [points, seconds] = text.split('/').map(Number) as [number, number];
      return { points, seconds };
    })
    .refine((limit) => limit.points >= 1 && limit.seconds >= 1, 'points and seconds must be at least 1');
}

export interface RateLimitSetting {
  points: number;
  seconds: number;
}

/**
 * How many of each act one key (a client address, or a session) may make per window. The defaults
 * let a workshop of 40 people behind one NAT (one address for all) join, reconnect and work
 * without a refusal, with room to spare; see the README's configuration table.
 */
export interface RateLimitConfig {
  /** POST /api/boards/<id>/join, per address: 40 people joining twice in one minute is 80. */
  join: RateLimitSetting;
  /** POST /api/boards, per address (the admin only). */
  boardCreate: RateLimitSetting;
  /** Refused tokens that could be guesses (malformed, bad signature), per address ([R3]). */
  tokenFailures: RateLimitSetting;
  /** POST /api/boards/<id>/photos, per address. */
  photoUpload: RateLimitSetting;
  /** Any other POST/PUT/DELETE under /api/boards/<id>/, per session (per address without one). */
  act: RateLimitSetting;
  /** Websocket connection attempts per address: 40 people x 3 rooms reconnecting, five times over. */
  websocket: RateLimitSetting;
}

/** Timeouts and caps on every connection ([H2]). */
export interface HttpLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included (a 10 MB photo from a phone on a slow uplink). */
  requestTimeoutMs: number;
  /** A body that sends nothing for this long is cut off with 408. */
  bodyIdleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /**
   * A websocket the server wrote nothing to for this long gets a message that changes nothing
   * (clients close a socket silent for 30 s); a peer silent for four times this is cut ([H5]).
   */
  websocketKeepaliveMs: number;
  /** Open connections from one address; 0 turns the cap off. */
  maxConnectionsPerIp: number;
}

/** What a board's photos may take in all ([U9]): every photo uploaded to it counts. */
export interface PhotoQuota {
  /** Photos a board may have. */
  maxCount: number;
  /** Their bytes in all, as stored (cleaned). */
  maxBytes: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * `postgres://…`: the Yjs documents live in that PostgreSQL database; null: in SQLite under
   * dataDir, like everything else (the default). See docs/operations.md, "Engines".
   */
  databaseUrl: string | null;
  /** The origin people reach the server at; links and the Origin check use it. */
  publicUrl: string | null;
  /** Extra origins allowed to open websockets (a Vite dev server, a second host name). */
  extraOrigins: string[];
  adminToken: string | null;
  tldrawLicenseKey: string | null;
  clientDist: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  sessionTtlSeconds: number;
  /** Behind a reverse proxy: the client's address is the last one in X-Forwarded-For. */
  trustProxy: boolean;
  http: HttpLimits;
  rateLimits: RateLimitConfig;
  photoQuota: PhotoQuota;
  /** The SMTP server invitations are e-mailed through; null: e-mail is off. */
  smtp: SmtpConfig | null;
  /** Redis shared by the installation's processes (docs/operations.md); null: one process. */
  redis: { url: string; prefix: string; heartbeatMs: number } | null;
  /** The bearer token `GET /metrics` asks for; null: the endpoint is off (404). */
  metricsToken: string | null;
  /**
   * A busy room sends its members at most this often ([S9]): longer costs latency and saves CPU
   * in big rooms (docs/performance.md: 100 ms instead of 50 cut a 1,500-person room's CPU by a third).
   */
  roomSendIntervalMs: number;
  /** A room of more than 250 people waits longer between sends, 0.2 ms per member, up to this. */
  roomSendIntervalMaxMs: number;
  /** SIGTERM/SIGINT: past this the process exits 1 with whatever is not yet stored in the log. */
  shutdownTimeoutMs: number;
}

/**
 * The SMTP server for e-mailed invitations: `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`
 * for TLS from the first byte) or `SMTP_HOST` with `SMTP_PORT/USER/PASS`; `SMTP_SECURE=1` forces
 * TLS from the first byte. `SMTP_FROM` is the sender (default `Empiria <empiria@host>`).
 */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, defaultClientDist: string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    extraOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
      .map((origin) => new URL(origin).origin),
    adminToken: e.ADMIN_TOKEN ?? null,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY ?? null,
    clientDist: path.resolve(e.CLIENT_DIST ?? defaultClientDist),
    logLevel: e.LOG_LEVEL,
    sessionTtlSeconds: Math.round(e.SESSION_TTL_DAYS * 24 * 3600),
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      // Node refuses a request timeout shorter than the headers timeout.
      requestTimeoutMs: Math.max(e.HTTP_REQUEST_TIMEOUT_MS, e.HTTP_HEADERS_TIMEOUT_MS),
      bodyIdleTimeoutMs: e.HTTP_BODY_IDLE_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      websocketKeepaliveMs: e.WS_KEEPALIVE_MS,
      maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    },
    rateLimits: {
      join: e.RATE_LIMIT_JOIN,
      boardCreate: e.RATE_LIMIT_BOARD_CREATE,
      tokenFailures: e.RATE_LIMIT_TOKEN_FAILURES,
      photoUpload: e.RATE_LIMIT_PHOTO_UPLOAD,
      act: e.RATE_LIMIT_ACT,
      websocket: e.RATE_LIMIT_WEBSOCKET,
    },
    photoQuota: { maxCount: e.MAX_PHOTOS_PER_BOARD, maxBytes: e.MAX_PHOTO_MB_PER_BOARD * 1024 * 1024 },
    smtp: smtpConfig(e),
    redis: e.REDIS_URL
      ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX, heartbeatMs: e.REDIS_HEARTBEAT_MS }
      : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    roomSendIntervalMs: e.ROOM_SEND_INTERVAL_MS,
    roomSendIntervalMaxMs: e.ROOM_SEND_INTERVAL_MAX_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

function smtpConfig(e: z.infer<typeof envSchema>): SmtpConfig | null {
  const forcedSecure = e.SMTP_SECURE === undefined ? null : e.SMTP_SECURE === '1' || e.SMTP_SECURE === 'true';
  let host: string;
  let port: number | undefined = e.SMTP_PORT;
  let user = e.SMTP_USER ?? null;
  let pass = e.SMTP_PASS ?? null;
  let secure: boolean;
  if (e.SMTP_URL) {
    const url = new URL(e.SMTP_URL);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new ConfigError('Invalid configuration: SMTP_URL: must start with smtp:// or smtps://');
    }
    host = url.hostname.replace(/^\[|\]$/g, '');
    port = url.port ? Number(url.port) : port;
    if (url.username) user = decodeURIComponent(url.username);
    if (url.password) pass = decodeURIComponent(url.password);
    secure = forcedSecure ?? url.protocol === 'smtps:';
  } else if (e.SMTP_HOST) {
    host = e.SMTP_HOST;
    secure = forcedSecure ?? port === 465;
  } else {
    return null;
  }
  return {
    host,
    port: port ?? (secure ? 465 : 587),
    secure,
    user,
    pass,
    from: e.SMTP_FROM ?? `Empiria <empiria@${host}>`,
  };
}

/** The base URL for links when PUBLIC_URL is not set: the address we listen on. */
export function effectivePublicUrl(config: Config, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${boundPort}`;
}
