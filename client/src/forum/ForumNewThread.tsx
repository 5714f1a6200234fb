import { FORUM_BODY_MAX, FORUM_THREAD_KINDS, FORUM_TITLE_MAX, forumThreadKindSchema } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useForumStore } from './forum-store';

/** "Nowy wątek": its kind (with what it is for), a title and the text. */
export function ForumNewThread() {
  const t = useT();
  const draft = useForumStore((state) => state.draft);
  const busy = useForumStore((state) => state.busy);
  const setDraft = useForumStore((state) => state.setDraft);
  const compose = useForumStore((state) => state.compose);
  const publish = useForumStore((state) => state.publish);
  const ready = draft.title.trim() !== '' && draft.body.trim() !== '';

  return (
    <form
      className="card forum-new"
      aria-label={t('forum.new.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <h2>{t('forum.new.heading')}</h2>
      <fieldset className="forum-kinds">
        <legend>{t('forum.new.kind')}</legend>
        {FORUM_THREAD_KINDS.map((kind) => (
          <label key={kind} className="forum-kind-choice">
            <input
              type="radio"
              name="forum-kind"
              value={kind}
              checked={draft.kind === kind}
              onChange={(event) => setDraft({ kind: forumThreadKindSchema.parse(event.target.value) })}
            />
            <span>
              <strong>{t(`forum.kind.${kind}`)}</strong>
              <span className="muted small">{t(`forum.kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('forum.new.title')}
        <input
          value={draft.title}
          maxLength={FORUM_TITLE_MAX}
          onChange={(event) => setDraft({ title: event.target.value })}
        />
      </label>
      <label className="field">
        {t('forum.new.body')}
        <textarea
          className="forum-textarea"
          rows={7}
          value={draft.body}
          maxLength={FORUM_BODY_MAX}
          aria-describedby="forum-new-body-hint"
          onChange={(event) => setDraft({ body: event.target.value })}
        />
        <span id="forum-new-body-hint" className="muted small forum-hint">
          {t('forum.new.bodyHint')} {t('forum.chars', { count: draft.body.length, max: FORUM_BODY_MAX })}
        </span>
      </label>
      <div className="forum-actions">
        <button type="submit" className="button-primary" disabled={busy || !ready}>
          {t('forum.new.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={() => compose(false)}>
          {t('forum.new.cancel')}
        </button>
      </div>
    </form>
  );
}
