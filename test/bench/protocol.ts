/**
 * Messages between a client fleet's parent (fleet.ts) and each of its client processes
 * (clients.ts), over IPC with Node's 'advanced' serialization (typed arrays cross as they are).
 */

/** One websocket client of the fleet. */
export interface FleetClient {
  /** The room's full websocket URL, token included (Empiria) or not (another server). */
  url: string;
  /** The Origin header to send, or null for none. */
  origin: string | null;
  /**
   * Writers are full Yjs clients (y-websocket + Y.Doc, as a browser runs them) that add a sticky
   * note every interval; the others are light receivers that only find the notes' markers.
   */
  writer: boolean;
}

export interface ClientsConfig {
  clients: FleetClient[];
  /** This process's first writer's number in the whole fleet, so markers are unique across it. */
  firstWriter: number;
  /** Writers in the whole fleet: they are staggered across the interval together. */
  fleetWriters: number;
  intervalMs: number;
  durationMs: number;
  /** After the last write, how long to wait for the stragglers. */
  drainMs: number;
  connectTimeoutMs: number;
  /** Connections opened at once by this process. */
  connectConcurrency: number;
}

/** What one process saw; the parent merges them (fleet.ts). */
export interface ClientsReport {
  connectMs: number;
  /** Markers this process's writers sent. */
  sent: string[];
  /** Per marker seen here: at how many of this process's clients, and the slowest arrival (ms). */
  seenMarkers: string[];
  seenCounts: Uint32Array;
  seenMax: Float64Array;
  /** Send → arrival of every delivery here (ms), in no order. */
  latencies: Float64Array;
  /** CPU time of this process while writing and draining (seconds), and that phase's wall time. */
  cpuSeconds: number;
  wallSeconds: number;
  closesDuringRun: number;
}

export type ParentMessage =
  | { type: 'start'; config: ClientsConfig }
  | { type: 'write' }
  /** Every process finished writing: how many updates the fleet sent, to know when all arrived. */
  | { type: 'drain'; fleetSent: number }
  | { type: 'finish' };

export type ChildMessage =
  | { type: 'connected' }
  | { type: 'written'; sent: number }
  | { type: 'report'; report: ClientsReport }
  | { type: 'error'; message: string };
