import { readAdminToken } from './admin-token';
import { readPersonalLinks, takePersonalLinkFromUrl } from './personal-links';

/**
 * Which token opens a network page. A facilitator or organiser arrives once with
 * `/n/<id>?token=<personal token>`, or has opened their personal link (`/me?token=…`) before: the
 * browser keeps personal links in one record (`session/personal-links.ts`), so either page opens
 * with a link received by the other. The office opens the page with its admin token.
 */
export type NetworkPageToken = { kind: 'admin' | 'personal'; token: string };

/** For a browser without storage: the link still opens the page in this tab. */
const memoryTokens = new Map<string, string>();

export function takePersonalTokenFromUrl(networkId: string): void {
  const token = takePersonalLinkFromUrl(networkId);
  if (token) memoryTokens.set(networkId, token);
}

/** A personal link of this network wins over the admin token: whoever opened the link sees the page as that person. */
export function networkPageToken(networkId: string): NetworkPageToken | null {
  const personal = readPersonalLinks()[networkId] ?? memoryTokens.get(networkId);
  if (personal) return { kind: 'personal', token: personal };
  const admin = readAdminToken();
  return admin ? { kind: 'admin', token: admin } : null;
}
