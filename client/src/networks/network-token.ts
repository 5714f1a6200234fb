import { readAdminToken } from '../admin/admin-token';

/**
 * Which token opens a network page. A facilitator or organiser arrives once with
 * `/n/<id>?token=<personal token>`: the token is kept in localStorage under the network's id (a
 * person has one link per network) and removed from the address bar, so it does not end up in
 * screenshots, screen shares or the browser history. The office opens the page with its admin
 * token.
 */
const personalKey = (networkId: string) => `empiria.personal.${networkId}`;

export type NetworkPageToken = { kind: 'admin' | 'personal'; token: string };

export function takePersonalTokenFromUrl(networkId: string): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token) {
    try {
      localStorage.setItem(personalKey(networkId), token);
    } catch {
      // Private mode without storage: the page still opens this once, from memory below.
      memoryTokens.set(networkId, token);
    }
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

const memoryTokens = new Map<string, string>();

function readPersonalToken(networkId: string): string | null {
  try {
    return localStorage.getItem(personalKey(networkId)) ?? memoryTokens.get(networkId) ?? null;
  } catch {
    return memoryTokens.get(networkId) ?? null;
  }
}

/**
 * A personal link of this network wins over the admin token: whoever opened the link sees the page
 * as that person (the office sees the admin view after "Wyloguj z tego linku").
 */
export function networkPageToken(networkId: string): NetworkPageToken | null {
  const personal = readPersonalToken(networkId);
  if (personal) return { kind: 'personal', token: personal };
  const admin = readAdminToken();
  return admin ? { kind: 'admin', token: admin } : null;
}

export function forgetPersonalToken(networkId: string): void {
  memoryTokens.delete(networkId);
  try {
    localStorage.removeItem(personalKey(networkId));
  } catch {
    // nothing kept
  }
}
