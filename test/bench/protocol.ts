/** Messages between the benchmark's parent (server side) and its client process (over IPC). */

export interface ClientsConfig {
  wsBase: string;
  baseUrl: string;
  adminToken: string;
  boardId: string;
  /** Participant invite link: every client joins with its own name, so each has its own session. */
  inviteUrl: string;
  clients: number;
  writers: number;
  intervalMs: number;
  durationMs: number;
  /** After the last write, how long to wait for the stragglers. */
  drainMs: number;
  connectTimeoutMs: number;
}

export interface LatencyStats {
  p50: number;
  p99: number;
  max: number;
}

export interface ClientsResult {
  clients: number;
  writers: number;
  connectMs: number;
  sent: number;
  /** Updates every other client received. */
  complete: number;
  /** Deliveries expected (sent × (clients − 1)) and made. */
  expectedDeliveries: number;
  deliveries: number;
  /** Send → arrival at the last of the other clients, per fully delivered update (ms). */
  lastRecipient: LatencyStats;
  /** Send → arrival, every single delivery (ms). */
  anyRecipient: LatencyStats;
  /** CPU time of the client process during the writing phase, as a share of one core. */
  clientCpu: number;
  closesDuringRun: number;
}

export type ParentMessage = { type: 'start'; config: ClientsConfig } | { type: 'write' } | { type: 'finish' };

export type ChildMessage =
  | { type: 'connected'; connectMs: number }
  | { type: 'written' }
  | { type: 'result'; result: ClientsResult }
  | { type: 'error'; message: string };
