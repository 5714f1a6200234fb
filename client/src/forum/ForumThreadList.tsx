import { FORUM_THREAD_KINDS, forumThreadKindSchema, type ForumResponse } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { ForumAuthorLine } from './ForumAuthorLine';
import { ForumConversions } from './ForumConversions';
import { ForumKindPill } from './ForumKindPill';
import { ForumNewThread } from './ForumNewThread';
import { formatPostTime } from './forum-format';
import { threadPath, useForumStore } from './forum-store';

/** The threads, most recently active first, with what is new for the reader. */
export function ForumThreadList({ forum }: { forum: ForumResponse }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const filter = useForumStore((state) => state.filter);
  const setFilter = useForumStore((state) => state.setFilter);
  const composing = useForumStore((state) => state.composing);
  const compose = useForumStore((state) => state.compose);
  const threads = forum.threads.filter((thread) => filter === 'all' || thread.kind === filter);

  return (
    <>
      <div className="forum-toolbar">
        <label className="field forum-filter">
          {t('forum.filter.label')}
          <select
            value={filter}
            onChange={(event) =>
              setFilter(
                event.target.value === 'all' ? 'all' : forumThreadKindSchema.parse(event.target.value),
              )
            }
          >
            <option value="all">{t('forum.filter.all')}</option>
            {FORUM_THREAD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`forum.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {forum.viewer.canPost && !composing && (
          <button type="button" className="button-primary" onClick={() => compose(true)}>
            {t('forum.new.open')}
          </button>
        )}
      </div>
      {!forum.viewer.canPost && <p className="muted">{t('forum.officeReads')}</p>}
      {composing && <ForumNewThread />}
      {threads.length === 0 ? (
        <p className="card muted">
          {t(forum.threads.length === 0 ? 'forum.threads.empty' : 'forum.threads.emptyKind')}
        </p>
      ) : (
        <ul className="forum-threads">
          {threads.map((thread) => (
            <li key={thread.id} className="forum-thread-row" data-thread={thread.title}>
              <a href={threadPath(forum.network.id, thread.id)} className="forum-thread-link">
                <span className="forum-thread-top">
                  <ForumKindPill kind={thread.kind} />
                  {thread.unread > 0 && (
                    <span className="pill forum-unread" data-testid="forum-thread-unread">
                      {t('forum.thread.unread', { count: thread.unread })}
                    </span>
                  )}
                  {thread.hidden && <span className="pill pill-readonly">{t('forum.thread.hidden')}</span>}
                </span>
                <span className="forum-thread-title">{thread.title}</span>
              </a>
              <span className="forum-thread-meta small">
                <ForumAuthorLine author={thread.author} />
                <span className="muted">
                  {t('forum.thread.posts', { count: thread.posts })} ·{' '}
                  {t('forum.thread.lastPost', { date: formatPostTime(language, thread.lastPostAt) })}
                </span>
              </span>
              <ForumConversions conversions={thread.conversions} meetingHref={null} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
