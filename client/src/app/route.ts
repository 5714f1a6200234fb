import { boardIdSchema } from '@empiria/shared';

/** The three places of the app. No router library: the paths are few and fixed. */
export type Route =
  { kind: 'admin' } | { kind: 'board'; boardId: string; inviteToken: string | null } | { kind: 'not-found' };

export function parseRoute(location: { pathname: string; search: string }): Route {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '') return { kind: 'admin' };
  const match = /^\/b\/([^/]+)$/.exec(path);
  if (match) {
    const boardId = boardIdSchema.safeParse(decodeURIComponent(match[1] ?? ''));
    if (!boardId.success) return { kind: 'not-found' };
    const inviteToken = new URLSearchParams(location.search).get('token');
    return { kind: 'board', boardId: boardId.data, inviteToken: inviteToken || null };
  }
  return { kind: 'not-found' };
}
