import { describe, expect, it } from 'vitest';
import { deriveConnectionStatus } from '../sync/connection-status';
import { PendingChanges, countsAsChange } from './pending-changes';

describe('pending changes', () => {
  it('counts records changed while not in sync, once each, and resets when synced again', () => {
    const pending = new PendingChanges();
    expect(pending.localChange(['shape:a'])).toBe(true); // before the first sync
    pending.syncChanged(true);
    expect(pending.count).toBe(0);
    expect(pending.localChange(['shape:b'])).toBe(false); // sent at once while in sync
    expect(pending.count).toBe(0);
    pending.syncChanged(false);
    // One note typed offline: one change per keystroke in Yjs, one record for the person.
    for (let i = 0; i < 18; i++) pending.localChange(['shape:note']);
    expect(pending.count).toBe(1);
    expect(pending.localChange(['shape:note'])).toBe(false);
    // An arrow bound to two notes: the arrow and its two bindings.
    expect(pending.localChange(['shape:arrow', 'binding:start', 'binding:end'])).toBe(true);
    expect(pending.count).toBe(4);
    expect(pending.syncChanged(false)).toBe(false);
    expect(pending.count).toBe(4);
    expect(pending.syncChanged(true)).toBe(true);
    expect(pending.count).toBe(0);
  });
  it('does not count records the client writes by itself (document, first page)', () => {
    const pending = new PendingChanges();
    expect(pending.localChange(['document:document', 'page:page'])).toBe(false);
    expect(pending.count).toBe(0);
    expect(countsAsChange('shape:x')).toBe(true);
    expect(countsAsChange('binding:x')).toBe(true);
    expect(countsAsChange('camera:page:page')).toBe(false);
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
