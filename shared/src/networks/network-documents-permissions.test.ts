import { describe, expect, it } from 'vitest';
import {
  maySeeNetworkFile,
  maySeeNetworkFolder,
  mayNetworkDocuments,
  type NetworkDocumentsActor,
} from './network-documents-permissions';
import type { NetworkRole } from './network-api';

const person = (role: NetworkRole, observer = false, networkId = 'net-a'): NetworkDocumentsActor => ({
  kind: 'person',
  networkId,
  personId: 'p1',
  role,
  observer,
});
const office: NetworkDocumentsActor = { kind: 'office', observer: false };

describe('who may do what in the document space [DOC1]–[DOC4]', () => {
  it('the pair and the organiser upload and manage; core members upload; observers only read', () => {
    const table = (actor: NetworkDocumentsActor) =>
      (['documents.read', 'documents.upload', 'documents.manage'] as const).map((act) =>
        mayNetworkDocuments(actor, act, 'net-a'),
      );
    expect(table(office)).toEqual([true, true, true]);
    expect(table(person('facilitator'))).toEqual([true, true, true]);
    expect(table(person('expert'))).toEqual([true, true, true]);
    expect(table(person('organiser'))).toEqual([true, true, true]);
    expect(table(person('representative'))).toEqual([true, true, false]);
    expect(table(person('substitute'))).toEqual([true, true, false]);
    expect(table(person('representative', true))).toEqual([true, false, false]);
    expect(table(person('substitute', true))).toEqual([true, false, false]);
  });

  it('another network’s facilitator can do nothing here [N5]', () => {
    for (const act of ['documents.read', 'documents.upload', 'documents.manage'] as const) {
      expect(mayNetworkDocuments(person('facilitator', false, 'net-b'), act, 'net-a')).toBe(false);
    }
  });

  it('an observer sees a file shared on its own or through its folder, nothing else', () => {
    const observer = person('representative', true);
    const file = (shared: boolean) => ({ sharedWithObservers: shared, deleted: false });
    expect(maySeeNetworkFile(observer, 'net-a', file(false), null)).toBe(false);
    expect(maySeeNetworkFile(observer, 'net-a', file(true), null)).toBe(true);
    expect(maySeeNetworkFile(observer, 'net-a', file(false), { sharedWithObservers: true })).toBe(true);
    expect(maySeeNetworkFile(observer, 'net-a', file(false), { sharedWithObservers: false })).toBe(false);
    expect(maySeeNetworkFile(person('representative'), 'net-a', file(false), null)).toBe(true);
    expect(maySeeNetworkFolder(observer, 'net-a', { sharedWithObservers: false }, false)).toBe(false);
    expect(maySeeNetworkFolder(observer, 'net-a', { sharedWithObservers: false }, true)).toBe(true);
  });

  it('a deleted file reaches only those who manage the space [DOC4]', () => {
    const deleted = { sharedWithObservers: true, deleted: true };
    expect(maySeeNetworkFile(person('organiser'), 'net-a', deleted, null)).toBe(true);
    expect(maySeeNetworkFile(office, 'net-a', deleted, null)).toBe(true);
    expect(maySeeNetworkFile(person('representative'), 'net-a', deleted, null)).toBe(false);
    expect(maySeeNetworkFile(person('representative', true), 'net-a', deleted, null)).toBe(false);
  });
});
