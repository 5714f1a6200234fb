import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets kept in DATA_DIR, made on first start: the HMAC key for tokens and the admin token
 * (unless ADMIN_TOKEN is given). Files are written 0600 and never logged.
 */
export interface Secrets {
  tokenSecret: Buffer;
  adminToken: string;
  /** True when this start created the admin token: the caller prints the admin link. */
  adminTokenCreated: boolean;
}

function readOrCreate(file: string, make: () => string): { value: string; created: boolean } {
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    if (value) return { value, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const value = make();
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreate(file, make);
    throw err;
  }
}

export function loadSecrets(dataDir: string, adminTokenFromEnv: string | null): Secrets {
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = readOrCreate(path.join(dataDir, 'secret'), () => randomBytes(32).toString('base64url'));
  if (adminTokenFromEnv) {
    return {
      tokenSecret: Buffer.from(secret.value, 'utf8'),
      adminToken: adminTokenFromEnv,
      adminTokenCreated: false,
    };
  }
  const admin = readOrCreate(path.join(dataDir, 'admin-token'), () => randomBytes(24).toString('base64url'));
  return {
    tokenSecret: Buffer.from(secret.value, 'utf8'),
    adminToken: admin.value,
    adminTokenCreated: admin.created,
  };
}
