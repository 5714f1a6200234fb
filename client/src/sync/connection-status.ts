export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionFacts {
  /** The websocket is open and the first sync exchange completed. */
  synced: boolean;
  /** This session has been in sync at least once. */
  everSynced: boolean;
  /** `navigator.onLine`: false means the device knows it has no network at all. */
  browserOnline: boolean;
  /** Connection attempts that failed since the last successful sync. */
  failedAttempts: number;
}

/** After this many failed attempts (about 5 s with y-websocket's backoff) we say "offline". */
export const OFFLINE_AFTER_ATTEMPTS = 3;

export function deriveConnectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.synced) return 'connected';
  if (!facts.browserOnline || facts.failedAttempts >= OFFLINE_AFTER_ATTEMPTS) return 'offline';
  return facts.everSynced ? 'reconnecting' : 'connecting';
}
