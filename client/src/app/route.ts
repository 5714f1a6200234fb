import { boardIdSchema, entityIdSchema } from '@empiria/shared';

/** The three places of the app. No router library: the paths are few and fixed. */
export type Route =
  | { kind: 'admin' }
  | { kind: 'board'; boardId: string; inviteToken: string | null }
  | { kind: 'network'; networkId: string }
  /** A network's archive: meetings with their approved notes, attendance, search (`/n/<id>/archive`). */
  | { kind: 'archive'; networkId: string }
  /** A network's forum (`/n/<id>/forum`), or one of its threads (`/n/<id>/forum/<threadId>`). */
  | { kind: 'forum'; networkId: string; threadId: string | null }
  /** A network's surveys (`/n/<id>/surveys`), or one survey (`/n/<id>/surveys/<surveyId>`). */
  | { kind: 'surveys'; networkId: string; surveyId: string | null }
  /** A network's work plan (`/n/<id>/plan`). */
  | { kind: 'plan'; networkId: string }
  /** A meeting's facilitator's report (`/n/<id>/meetings/<meetingId>/report`). */
  | { kind: 'report'; networkId: string; meetingId: string }
  /** A network's office hours (`/n/<id>/office-hours`) or their Q&A log (`/n/<id>/office-hours/log`). */
  | { kind: 'office-hours'; networkId: string; view: 'slots' | 'log' }
  /** A network's document space (`/n/<id>/documents`). */
  | { kind: 'documents'; networkId: string }
  /** A person's home: `/me?token=…` from their personal link, or `/me` with the links this browser kept. */
  | { kind: 'home'; personalToken: string | null }
  | { kind: 'not-found' };

export function parseRoute(location: { pathname: string; search: string }): Route {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '') return { kind: 'admin' };
  if (path === '/me') {
    return { kind: 'home', personalToken: new URLSearchParams(location.search).get('token') || null };
  }
  const match = /^\/b\/([^/]+)$/.exec(path);
  if (match) {
    const boardId = boardIdSchema.safeParse(decodeURIComponent(match[1] ?? ''));
    if (!boardId.success) return { kind: 'not-found' };
    const inviteToken = new URLSearchParams(location.search).get('token');
    return { kind: 'board', boardId: boardId.data, inviteToken: inviteToken || null };
  }
  // The network page (`/n/<id>`; ids are base64url, nothing to decode); its `?token=` is read and
  // removed by the page itself.
  const network = /^\/n\/([^/]+)$/.exec(path);
  if (network) {
    const networkId = entityIdSchema.safeParse(network[1]);
    return networkId.success ? { kind: 'network', networkId: networkId.data } : { kind: 'not-found' };
  }
  const archive = /^\/n\/([^/]+)\/archive$/.exec(path);
  if (archive) {
    const networkId = entityIdSchema.safeParse(archive[1]);
    return networkId.success ? { kind: 'archive', networkId: networkId.data } : { kind: 'not-found' };
  }
  const report = /^\/n\/([^/]+)\/meetings\/([^/]+)\/report$/.exec(path);
  if (report) {
    const networkId = entityIdSchema.safeParse(report[1]);
    const meetingId = entityIdSchema.safeParse(report[2]);
    if (!networkId.success || !meetingId.success) return { kind: 'not-found' };
    return { kind: 'report', networkId: networkId.data, meetingId: meetingId.data };
  }
  const officeHours = /^\/n\/([^/]+)\/office-hours(\/log)?$/.exec(path);
  if (officeHours) {
    const networkId = entityIdSchema.safeParse(officeHours[1]);
    if (!networkId.success) return { kind: 'not-found' };
    return { kind: 'office-hours', networkId: networkId.data, view: officeHours[2] ? 'log' : 'slots' };
  }
  const plan = /^\/n\/([^/]+)\/plan$/.exec(path);
  if (plan) {
    const networkId = entityIdSchema.safeParse(plan[1]);
    return networkId.success ? { kind: 'plan', networkId: networkId.data } : { kind: 'not-found' };
  }
  const documents = /^\/n\/([^/]+)\/documents$/.exec(path);
  if (documents) {
    const networkId = entityIdSchema.safeParse(documents[1]);
    return networkId.success ? { kind: 'documents', networkId: networkId.data } : { kind: 'not-found' };
  }
  const surveys = /^\/n\/([^/]+)\/surveys(?:\/([^/]+))?$/.exec(path);
  if (surveys) {
    const networkId = entityIdSchema.safeParse(surveys[1]);
    const surveyId = surveys[2] === undefined ? null : entityIdSchema.safeParse(surveys[2]);
    if (!networkId.success || (surveyId !== null && !surveyId.success)) return { kind: 'not-found' };
    return { kind: 'surveys', networkId: networkId.data, surveyId: surveyId?.data ?? null };
  }
  const forum = /^\/n\/([^/]+)\/forum(?:\/([^/]+))?$/.exec(path);
  if (forum) {
    const networkId = entityIdSchema.safeParse(forum[1]);
    const threadId = forum[2] === undefined ? null : entityIdSchema.safeParse(forum[2]);
    if (!networkId.success || (threadId !== null && !threadId.success)) return { kind: 'not-found' };
    return { kind: 'forum', networkId: networkId.data, threadId: threadId?.data ?? null };
  }
  return { kind: 'not-found' };
}
