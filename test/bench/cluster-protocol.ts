/**
 * Messages between the cluster benchmark's parent (cluster.ts) and its client processes
 * (cluster-clients.ts), over IPC. Times are wall-clock milliseconds with sub-millisecond precision
 * (`performance.timeOrigin + performance.now()`), so a send in one client process and an arrival
 * in another compare on one machine's clock.
 */

export interface ServerAddress {
  baseUrl: string;
  wsBase: string;
}

/** One person of the room: which server process they connect to, and whether they write. */
export interface Member {
  /** Global index in the room (names, markers). */
  index: number;
  /** Index into `ClusterClientsConfig.servers`. */
  server: number;
  /** Which client process holds this person. */
  clientProcess: number;
  writer: boolean;
}

export interface ClusterClientsConfig {
  servers: ServerAddress[];
  boardId: string;
  inviteUrl: string;
  members: Member[];
  /** Every writer writes one note every this many ms, staggered across the interval. */
  writerIntervalMs: number;
  durationMs: number;
  /** After the last write: report once nothing arrived for `quietMs`, or after `drainMs`. */
  quietMs: number;
  drainMs: number;
  connectTimeoutMs: number;
  /** Arrivals kept (a uniform sample) for the send → any recipient figure. */
  arrivalSample: number;
}

/** What one client process saw: its writers' sends, and per update its own recipients' arrivals. */
export interface ClusterClientsResult {
  /** [marker, sentAt] for every update this process's writers sent. */
  sent: [string, number][];
  /** [marker, recipients here, last arrival here] per update seen. */
  arrivals: [string, number, number][];
  /** [marker, arrivedAt], a uniform sample of single arrivals. */
  sampledArrivals: [string, number][];
  /** CPU of this process over the writing phase, as a share of one core. */
  cpu: number;
  /** This process's event-loop delay over the writing phase (what an arrival waited to be timed). */
  loopDelayMs: { p99: number; max: number };
  connectMs: number;
  closedDuringRun: number;
}

export type ClusterParentMessage =
  { type: 'start'; config: ClusterClientsConfig } | { type: 'write' } | { type: 'finish' };

export type ClusterChildMessage =
  | { type: 'connected'; connectMs: number }
  | { type: 'result'; result: ClusterClientsResult }
  | { type: 'error'; message: string };
