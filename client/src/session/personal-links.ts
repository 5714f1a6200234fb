import { z } from 'zod';

/**
 * The personal links this browser keeps: one per network (a person may be in several networks,
 * each with its own link), under one key, by network id. The token is kept here and taken out of
 * the address bar at once, so a screenshot or the browser's history does not pass it on.
 */
const KEY = 'empiria.personal';
const linksSchema = z.record(z.string(), z.string().min(1).max(2048));
export type PersonalLinks = z.infer<typeof linksSchema>;

export function readPersonalLinks(): PersonalLinks {
  try {
    const parsed = linksSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Keeps a network's link; a newer link of the same network replaces the old one. */
export function keepPersonalLink(networkId: string, token: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readPersonalLinks(), [networkId]: token }));
  } catch {
    // No storage: the home works for this tab only.
  }
}

/** Forgets a link the server refused (replaced, or the person left the network). */
export function forgetPersonalLink(token: string): void {
  const kept = Object.entries(readPersonalLinks()).filter(([, value]) => value !== token);
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Nothing to forget.
  }
}

/** Takes the token out of the address bar, leaving `/me`. */
export function hideTokenFromAddressBar(): void {
  window.history.replaceState(window.history.state, '', '/me');
}

/**
 * A page of one network opened with `?token=<personal token>` (the network page, its archive):
 * the link is kept with the others and taken out of the address bar, the rest of the address left.
 */
export function takePersonalLinkFromUrl(networkId: string): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  if (token) keepPersonalLink(networkId, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return token || null;
}
