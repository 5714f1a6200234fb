const STORAGE_KEY = 'empiria.adminToken';

/**
 * The admin token arrives once as `/?admin=<token>` (the link the server prints at first start).
 * It is kept in localStorage and removed from the address bar, so it does not end up in
 * screenshots, screen shares or the browser history.
 */
export function takeAdminTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('admin');
  if (token === null) return;
  if (token) localStorage.setItem(STORAGE_KEY, token);
  url.searchParams.delete('admin');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function readAdminToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function forgetAdminToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}
