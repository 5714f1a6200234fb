import { useEffect, useRef, useState } from 'react';
import { useLanguageStore, useT } from '../i18n/language-store';
import { useSummaryStore } from './summary-store';
import { groupComments } from './summary-view';

/** Comments and proposed amendments, grouped by the section they are about; a form to add one. */
export function CommentsPanel() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const comments = useSummaryStore((state) => state.snapshot?.content.comments ?? []);
  const sections = useSummaryStore((state) => state.snapshot?.content.sections ?? []);
  const canComment = useSummaryStore((state) => state.session?.canComment ?? false);
  const groups = groupComments(comments, sections);
  const time = new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <section className="summary-card comments" aria-labelledby="comments-heading" data-testid="comments">
      <h3 id="comments-heading">{t('comments.heading', { count: comments.length })}</h3>
      {canComment && <CommentForm />}
      {groups.length === 0 ? (
        <p className="muted small">{t('comments.empty')}</p>
      ) : (
        groups.map((group) => (
          <div key={group.sectionId ?? '-'} className="comment-group" data-section-id={group.sectionId ?? ''}>
            <h4>
              {group.sectionId === null
                ? t('comments.wholeNote')
                : group.title
                  ? t('comments.section', { section: group.title })
                  : t('comments.removedSection')}
            </h4>
            <ul>
              {group.comments.map((comment) => (
                <li key={comment.id} className={`comment comment-${comment.kind}`} data-testid="comment">
                  <p className="comment-meta">
                    <span className={`comment-kind comment-kind-${comment.kind}`}>
                      {t(comment.kind === 'amendment' ? 'comments.kind.amendment' : 'comments.kind.comment')}
                    </span>{' '}
                    <strong>{comment.author.name}</strong> ({comment.author.city}) · {time.format(comment.at)}
                  </p>
                  <p className="comment-text">{comment.text}</p>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function CommentForm() {
  const t = useT();
  const sections = useSummaryStore((state) => state.snapshot?.content.sections ?? []);
  const busy = useSummaryStore((state) => state.busy.comment ?? false);
  const send = useSummaryStore((state) => state.comment);
  const [sectionId, setSectionId] = useState('');
  const [kind, setKind] = useState<'comment' | 'amendment'>('comment');
  const [text, setText] = useState('');
  const target = useSummaryStore((state) => state.commentTarget);
  const textArea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // A section picked beside the text: comment on it.
    if (!target) return;
    setSectionId(target.sectionId);
    textArea.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    textArea.current?.focus({ preventScroll: true });
  }, [target]);
  return (
    <form
      className="comment-form"
      data-testid="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        void send(sectionId || null, kind, text.trim()).then((ok) => {
          if (ok) setText('');
        });
      }}
    >
      <label className="field">
        <span>{t('comments.about')}</span>
        <select name="comment-section" value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
          <option value="">{t('comments.wholeNote')}</option>
          {sections.map((section) => (
            <option key={section.sectionId} value={section.sectionId}>
              {section.title || section.sectionId}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="comment-kind-choice">
        <legend className="visually-hidden">{t('comments.kindLegend')}</legend>
        <label>
          <input
            type="radio"
            name="comment-kind"
            checked={kind === 'comment'}
            onChange={() => setKind('comment')}
          />{' '}
          {t('comments.kind.comment')}
        </label>
        <label>
          <input
            type="radio"
            name="comment-kind"
            checked={kind === 'amendment'}
            onChange={() => setKind('amendment')}
          />{' '}
          {t('comments.kind.amendment')}
        </label>
      </fieldset>
      <label className="field">
        <span className="visually-hidden">{t('comments.textLabel')}</span>
        <textarea
          ref={textArea}
          name="comment-text"
          rows={3}
          maxLength={4000}
          value={text}
          placeholder={kind === 'amendment' ? t('comments.placeholderAmendment') : t('comments.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button-primary"
        disabled={busy || text.trim() === ''}
        data-testid="comment-send"
      >
        {kind === 'amendment' ? t('comments.sendAmendment') : t('comments.send')}
      </button>
    </form>
  );
}
