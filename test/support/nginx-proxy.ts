/**
 * The real nginx (Debian's, scripts/install-nginx.sh) running deploy/nginx/empiria.conf on
 * loopback in front of test servers: the file is used as shipped, with only its upstream
 * addresses and listen port replaced by the test's, inside a main configuration of our own
 * (pid, logs and temp folders in a temporary directory).
 *
 *   const proxy = await startNginxProxy([serverA.port, serverB.port], await freePort());
 *   … proxy.baseUrl, proxy.wsBase …
 *   await proxy.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './server-process';

export const NGINX_CONF = path.join(REPO_ROOT, 'deploy/nginx/empiria.conf');
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

export interface NginxProxy {
  baseUrl: string;
  wsBase: string;
  port: number;
  /** nginx's error log so far (for a failed test). */
  errorLog(): string;
  stop(): Promise<void>;
}

export function nginxBinary(): string {
  const found = process.env.NGINX_PATH ?? NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error('nginx is not installed: run `bash scripts/install-nginx.sh` (npm test does it)');
  }
  return found;
}

/** deploy/nginx/empiria.conf with the compose service addresses and port 80 replaced by ours. */
export function shippedConfigFor(
  upstreamPorts: readonly number[],
  listenPort: number,
  options: ProxyOptions = {},
): string {
  let conf = readFileSync(NGINX_CONF, 'utf8');
  const replace = (pattern: RegExp, replacement: string) => {
    const matches = conf.match(pattern)?.length ?? 0;
    if (matches !== 1) throw new Error(`${NGINX_CONF}: expected one ${String(pattern)}, found ${matches}`);
    conf = conf.replace(pattern, replacement);
  };
  upstreamPorts.forEach((port, i) =>
    replace(new RegExp(`\\bempiria-${i + 1}:8080\\b`, 'g'), `127.0.0.1:${port}`),
  );
  replace(/\blisten 80;/g, `listen 127.0.0.1:${listenPort};`);
  if (options.connectionsPerAddress !== undefined)
    replace(
      /\blimit_conn empiria_per_address \d+;/g,
      `limit_conn empiria_per_address ${options.connectionsPerAddress};`,
    );
  return conf;
}

export interface ProxyOptions {
  /** In place of the shipped per-address connection cap, so a test can reach it with a few. */
  connectionsPerAddress?: number;
}

export async function startNginxProxy(
  upstreamPorts: readonly number[],
  port: number,
  options: ProxyOptions = {},
): Promise<NginxProxy> {
  const binary = nginxBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'empiria-nginx-'));
  writeFileSync(path.join(dir, 'empiria.conf'), shippedConfigFor(upstreamPorts, port, options));
  const temp = (name: string) => path.join(dir, name);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // As root, nginx's workers would switch to nobody, who cannot write our temp folders.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} info;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${temp('access.log')};`,
      `  client_body_temp_path ${temp('body')};`,
      `  proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')};`,
      `  uwsgi_temp_path ${temp('uwsgi')};`,
      `  scgi_temp_path ${temp('scgi')};`,
      `  include ${temp('empiria.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', temp('error.log')];
  // `nginx -t` first: a syntax error is reported as such, not as a proxy that never answers.
  const check = spawnSync(binary, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);

  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const errorLog = () =>
    (existsSync(temp('error.log')) ? readFileSync(temp('error.log'), 'utf8') : '') + output;

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start on port ${port}:\n${errorLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}/ws`,
    port,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
