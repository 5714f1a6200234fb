import { mayAct, type NetworkActor } from './network-permissions';

/**
 * Who sees a network's archive and what search reaches (docs/permissions.md, [N13]–[N16]).
 * - [N13] the archive: the office, the pair, the organiser in full; the network's representatives
 *   and substitutes its meetings and approved notes (nothing of drafts: no version counts);
 *   a person of another network nothing ([N5]).
 * - [N15] search reaches every network for the office, the link's network for a person.
 * - [N16] the office overview is the office's alone.
 */
export type ArchiveView = 'full' | 'approved-only';

export function archiveViewOf(actor: NetworkActor, networkId: string): ArchiveView | null {
  if (actor.kind === 'office') return 'full';
  if (actor.networkId !== networkId) return null;
  return mayAct(actor, 'network.view', networkId) ? 'full' : 'approved-only';
}

/** The networks a search may reach: every one for the office (null), else the link's. */
export function searchScopeOf(actor: NetworkActor): string[] | null {
  return actor.kind === 'office' ? null : [actor.networkId];
}

export function mayViewOfficeOverview(actor: NetworkActor): boolean {
  return actor.kind === 'office';
}
