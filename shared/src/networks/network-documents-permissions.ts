import type { NetworkActor } from './network-permissions';

/**
 * Who may do what in a network's document space (rules DOC1–DOC5, docs/permissions.md). Pure:
 * the server asks it on every request, the client hides what would be refused.
 *
 * An observer city's people are `person` actors like the others (their role is representative or
 * substitute); what makes them observers is their city's membership, so the caller says it.
 */
export type NetworkDocumentsActor = NetworkActor & { observer: boolean };

export const NETWORK_DOCUMENTS_ACTS = [
  /** See the space: everything for core members, only what is shared for observers. */
  'documents.read',
  /** Upload a file or a new version of one. */
  'documents.upload',
  /** Make folders; share, rename, move and delete files; see deleted files. */
  'documents.manage',
] as const;
export type NetworkDocumentsAct = (typeof NETWORK_DOCUMENTS_ACTS)[number];

/**
 * [DOC1] the office does everything in every network; another network's link nothing ([N5]).
 * [DOC2] the pair and the organiser upload and manage the space.
 * [DOC3] a core city's representatives and substitutes upload and read everything; an observer
 * city's people only read, and only what is shared with observers.
 */
export function mayNetworkDocuments(
  actor: NetworkDocumentsActor,
  act: NetworkDocumentsAct,
  networkId: string,
): boolean {
  if (actor.kind === 'office') return true;
  if (actor.networkId !== networkId) return false;
  const runs = actor.role === 'facilitator' || actor.role === 'expert' || actor.role === 'organiser';
  switch (act) {
    case 'documents.read':
      return true;
    case 'documents.upload':
      return runs || !actor.observer;
    case 'documents.manage':
      return runs;
  }
}

/**
 * [DOC3] whether the reader sees a file: an observer sees it when the file or its folder is
 * shared with observers; [DOC4] a deleted file only those who manage the space.
 */
export function maySeeNetworkFile(
  actor: NetworkDocumentsActor,
  networkId: string,
  file: { sharedWithObservers: boolean; deleted: boolean },
  folder: { sharedWithObservers: boolean } | null,
): boolean {
  if (!mayNetworkDocuments(actor, 'documents.read', networkId)) return false;
  if (file.deleted && !mayNetworkDocuments(actor, 'documents.manage', networkId)) return false;
  if (actor.kind === 'office' || !actor.observer) return true;
  return file.sharedWithObservers || (folder?.sharedWithObservers ?? false);
}

/** [DOC3] an observer sees a folder when it is shared or holds a file shared on its own. */
export function maySeeNetworkFolder(
  actor: NetworkDocumentsActor,
  networkId: string,
  folder: { sharedWithObservers: boolean },
  holdsVisibleFile: boolean,
): boolean {
  if (!mayNetworkDocuments(actor, 'documents.read', networkId)) return false;
  if (actor.kind === 'office' || !actor.observer) return true;
  return folder.sharedWithObservers || holdsVisibleFile;
}
