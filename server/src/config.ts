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
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  CLIENT_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SESSION_TTL_DAYS: z.coerce.number().positive().default(30),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The origin people reach the server at; links and the Origin check use it. */
  publicUrl: string | null;
  /** Extra origins allowed to open websockets (a Vite dev server, a second host name). */
  extraOrigins: string[];
  adminToken: string | null;
  tldrawLicenseKey: string | null;
  clientDist: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  sessionTtlSeconds: number;
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
  };
}

/** The base URL for links when PUBLIC_URL is not set: the address we listen on. */
export function effectivePublicUrl(config: Config, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${boundPort}`;
}
