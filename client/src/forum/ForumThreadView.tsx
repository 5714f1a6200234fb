import { FORUM_BODY_MAX, type ForumThreadResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ForumAgendaForm } from './ForumAgendaForm';
import { ForumConversions } from './ForumConversions';
import { ForumKindPill } from './ForumKindPill';
import { ForumPostView } from './ForumPostView';
import { useForumStore } from './forum-store';

/** One thread: its posts in order, the answer box, and for a need the pair's way onto an agenda. */
export function ForumThreadView({
  data,
  meetingHref,
}: {
  data: ForumThreadResponse;
  meetingHref: (meetingId: string) => string;
}) {
  const t = useT();
  const reply = useForumStore((state) => state.reply);
  const busy = useForumStore((state) => state.busy);
  const setReply = useForumStore((state) => state.setReply);
  const sendReply = useForumStore((state) => state.sendReply);
  const { thread, posts, viewer } = data;

  return (
    <>
      <section className="card forum-thread" data-thread-id={thread.id}>
        <header className="forum-thread-header">
          <ForumKindPill kind={thread.kind} />
          <h2>{thread.title}</h2>
          <ForumConversions conversions={thread.conversions} meetingHref={meetingHref} />
        </header>
        {posts.map((post, index) => (
          <ForumPostView key={post.id} post={post} viewer={viewer} opening={index === 0} />
        ))}
      </section>
      {viewer.canConvert && thread.kind === 'need' && thread.conversions.length === 0 && (
        <ForumAgendaForm meetings={data.plannedMeetings} />
      )}
      {viewer.canPost && (
        <form
          className="card forum-reply"
          aria-label={t('forum.reply.label')}
          onSubmit={(event) => {
            event.preventDefault();
            void sendReply();
          }}
        >
          <label className="field">
            {t('forum.reply.label')}
            <textarea
              className="forum-textarea"
              rows={4}
              maxLength={FORUM_BODY_MAX}
              value={reply}
              onChange={(event) => setReply(event.target.value)}
            />
          </label>
          <button type="submit" className="button-primary" disabled={busy || reply.trim() === ''}>
            {t('forum.reply.submit')}
          </button>
        </form>
      )}
    </>
  );
}
