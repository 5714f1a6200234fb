import { z } from 'zod';
import { readAdminToken } from '../admin/admin-token';

/**
 * Which token opens a network page. A facilitator or organiser arrives once with
 * `/n/<id>?token=<personal token>`, or has opened their personal link (`/me?token=…`) before: the
 * browser keeps personal links under one localStorage key, by network id — the same record the
 * home page (`client/src/home/personal-links.ts`) keeps, so either page opens with a link
 * received by the other. The token is removed from the address bar, so it does not end up in
 * screenshots, screen shares or the browser history. The office opens the page with its admin token.
 */
const KEY = 'empiria.personal';
const linksSchema = z.record(z.string(), z.string().min(1).max(2048));

export type NetworkPageToken = { kind: 'admin' | 'personal'; token: string };

/** For a browser without storage: the link still opens the page in this tab. */
const memoryTokens = new Map<string, string>();

function readLinks(): Record<string, string> {
  try {
    const parsed = linksSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function takePersonalTokenFromUrl(networkId: string): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token) {
    memoryTokens.set(networkId, token);
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...readLinks(), [networkId]: token }));
    } catch {
      // No storage: kept in memory above.
    }
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

/** A personal link of this network wins over the admin token: whoever opened the link sees the page as that person. */
export function networkPageToken(networkId: string): NetworkPageToken | null {
  const personal = readLinks()[networkId] ?? memoryTokens.get(networkId);
  if (personal) return { kind: 'personal', token: personal };
  const admin = readAdminToken();
  return admin ? { kind: 'admin', token: admin } : null;
}
