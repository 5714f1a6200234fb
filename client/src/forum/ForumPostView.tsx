import { FORUM_BODY_MAX, type ForumPost, type ForumViewer } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { ForumAuthorLine } from './ForumAuthorLine';
import { ForumText } from './ForumText';
import { formatPostTime } from './forum-format';
import { useForumStore } from './forum-store';

/** One post: who, when, the text; its author's edit and delete, the pair's hide. */
export function ForumPostView({
  post,
  viewer,
  opening,
}: {
  post: ForumPost;
  viewer: ForumViewer;
  opening: boolean;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const busy = useForumStore((state) => state.busy);
  const editing = useForumStore((state) => state.editing);
  const confirmingDelete = useForumStore((state) => state.confirmingDelete);
  const startEdit = useForumStore((state) => state.startEdit);
  const setEditBody = useForumStore((state) => state.setEditBody);
  const cancelEdit = useForumStore((state) => state.cancelEdit);
  const saveEdit = useForumStore((state) => state.saveEdit);
  const askDelete = useForumStore((state) => state.askDelete);
  const deletePost = useForumStore((state) => state.deletePost);
  const setHidden = useForumStore((state) => state.setHidden);
  const mine = viewer.personId === post.author.personId;
  const isEditing = editing?.postId === post.id;

  return (
    <article className={post.hidden ? 'forum-post forum-post-hidden' : 'forum-post'} data-post={post.id}>
      <header className="forum-post-header small">
        <ForumAuthorLine author={post.author} />
        <span className="muted">
          {formatPostTime(language, post.createdAt)}
          {post.editedAt && ` · ${t('forum.post.edited')}`}
        </span>
      </header>
      {post.hidden && <p className="forum-hidden-note small">{t('forum.post.hidden')}</p>}
      {isEditing ? (
        <form
          className="forum-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void saveEdit();
          }}
        >
          <textarea
            className="forum-textarea"
            aria-label={t('forum.post.edit')}
            rows={5}
            maxLength={FORUM_BODY_MAX}
            value={editing.body}
            onChange={(event) => setEditBody(event.target.value)}
          />
          <div className="forum-actions">
            <button type="submit" className="button-primary" disabled={busy || editing.body.trim() === ''}>
              {t('forum.post.save')}
            </button>
            <button type="button" className="button-secondary" onClick={cancelEdit}>
              {t('forum.post.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <ForumText text={post.body} />
      )}
      {confirmingDelete === post.id ? (
        <div className="confirm forum-confirm" role="alert">
          <span>{t(opening ? 'forum.post.confirmDeleteThread' : 'forum.post.confirmDelete')}</span>
          <div className="forum-actions">
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => void deletePost(post.id)}
            >
              {t('forum.post.delete')}
            </button>
            <button type="button" className="button-secondary" onClick={() => askDelete(null)}>
              {t('forum.post.cancel')}
            </button>
          </div>
        </div>
      ) : (
        !isEditing &&
        (mine || viewer.canModerate) && (
          <div className="forum-post-actions">
            {mine && (
              <>
                <button type="button" className="button-quiet" onClick={() => startEdit(post.id, post.body)}>
                  {t('forum.post.edit')}
                </button>
                <button type="button" className="button-quiet" onClick={() => askDelete(post.id)}>
                  {t('forum.post.delete')}
                </button>
              </>
            )}
            {viewer.canModerate && (
              <button
                type="button"
                className="button-quiet"
                disabled={busy}
                onClick={() => void setHidden(post.id, !post.hidden)}
              >
                {t(post.hidden ? 'forum.post.show' : 'forum.post.hide')}
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}
