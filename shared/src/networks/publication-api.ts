import { z } from 'zod';
import { mayAct, type NetworkActor } from './network-permissions';

/**
 * The network's public page (issue #13 item 6; rules PUB1–PUB4 in docs/permissions.md): whether
 * the pair has opened it, and who may open or close it. What appears on it is decided elsewhere:
 * each note by its group's consent to publish (`sharingDecision`, audience `public`).
 */

/** PUT /api/networks/:id/publication: open (true) or close (false) the network's public page. */
export const publicationRequestSchema = z.object({ public: z.boolean() }).strict();
export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

/** The network's public page as the pair sees it on the network page. */
export const publicationStateSchema = z.object({
  networkId: z.string(),
  public: z.boolean(),
  /** When the page was opened (ISO), null while it is closed. */
  since: z.string().nullable(),
  /** The page's address (under PUBLIC_URL), whether or not it is open now. */
  url: z.string(),
  feedUrl: z.string(),
  /** How many notes the groups agreed to publish: what the page lists once it is open. */
  publishedNotes: z.number().int().nonnegative(),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;

/** [PUB1] the pair (facilitator and expert) and the office open and close a network's public page. */
export function mayPublishNetwork(actor: NetworkActor, networkId: string): boolean {
  return mayAct(actor, 'network.edit', networkId);
}

/** [PUB1] the people who run the network see the page's state; other members see nothing here. */
export function mayViewPublication(actor: NetworkActor, networkId: string): boolean {
  return mayAct(actor, 'network.view', networkId);
}

/** The public page's paths: the one place that spells them. */
export const publicPaths = {
  network: (networkId: string) => `/public/networks/${networkId}`,
  note: (networkId: string, meetingId: string) => `/public/networks/${networkId}/notes/${meetingId}`,
  feed: (networkId: string) => `/public/networks/${networkId}/feed.xml`,
};
