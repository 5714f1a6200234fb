/** `ws(s)://<this host>/ws`: every room is under it, on the host that served the page. */
export function websocketBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/ws`;
}
