import { describe, expect, it } from 'vitest';
import { deriveConnectionStatus } from './connection-status';
import { PendingChanges } from './pending-changes';

describe('pending changes', () => {
  it('counts local updates made while not in sync and resets when synced again', () => {
    const pending = new PendingChanges();
    expect(pending.localUpdate()).toBe(true); // before the first sync
    pending.syncChanged(true);
    expect(pending.count).toBe(0);
    expect(pending.localUpdate()).toBe(false); // sent at once while in sync
    expect(pending.count).toBe(0);
    pending.syncChanged(false);
    pending.localUpdate();
    pending.localUpdate();
    pending.localUpdate();
    expect(pending.count).toBe(3);
    expect(pending.syncChanged(false)).toBe(false);
    expect(pending.count).toBe(3);
    expect(pending.syncChanged(true)).toBe(true);
    expect(pending.count).toBe(0);
  });
});

describe('connection status', () => {
  const base = { synced: false, everSynced: false, browserOnline: true, failedAttempts: 0 };
  it('says connecting, connected, reconnecting and offline honestly', () => {
    expect(deriveConnectionStatus(base)).toBe('connecting');
    expect(deriveConnectionStatus({ ...base, synced: true })).toBe('connected');
    expect(deriveConnectionStatus({ ...base, everSynced: true, failedAttempts: 1 })).toBe('reconnecting');
    expect(deriveConnectionStatus({ ...base, everSynced: true, failedAttempts: 3 })).toBe('offline');
    expect(deriveConnectionStatus({ ...base, everSynced: true, browserOnline: false })).toBe('offline');
    expect(deriveConnectionStatus({ ...base, failedAttempts: 5 })).toBe('offline');
  });
});
