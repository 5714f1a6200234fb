import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/language-store';
import { ApiRequestError } from '../api/http';
import { fetchNotes } from './summary-api';
import { useSummaryStore } from './summary-store';
import { ExportButtons } from './ExportButtons';

type Shown =
  | { kind: 'loading' }
  | { kind: 'shared'; html: string }
  | { kind: 'not-shared' }
  | { kind: 'error'; network: boolean };

const RECHECK_MS = 30_000;

/**
 * What an observer sees of the meeting notes: only a version the group approved and agreed to
 * share with the network's observers ([P6]), as the print page renders it; nothing editable. They
 * may leave an opinion on it.
 */
export function ObserverNotes() {
  const t = useT();
  const session = useSummaryStore((state) => state.session);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  const load = useCallback(async () => {
    if (!session) return;
    try {
      const file = await fetchNotes(session.boardId, session.token, 'html');
      setShown({ kind: 'shared', html: await file.blob.text() });
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'not_shared') setShown({ kind: 'not-shared' });
      else setShown({ kind: 'error', network: error instanceof ApiRequestError && error.isNetworkError });
    }
  }, [session]);

  useEffect(() => {
    void load();
    // The group may agree to share while the observer waits: look again now and then.
    const timer = setInterval(() => void load(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (shown.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (shown.kind === 'error' || shown.kind === 'not-shared') {
    return (
      <section className="observer-empty card" data-testid="observer-not-shared" data-kind={shown.kind}>
        <h3>{shown.kind === 'not-shared' ? t('observer.notSharedTitle') : t('observer.errorTitle')}</h3>
        <p>
          {shown.kind === 'not-shared'
            ? t('observer.notShared')
            : shown.network
              ? t('common.error.network')
              : t('common.error.generic')}
        </p>
        <button type="button" className="button-secondary" onClick={() => void load()}>
          {t('observer.checkAgain')}
        </button>
      </section>
    );
  }
  return (
    <div className="observer-notes" data-testid="observer-notes">
      <div className="observer-document">
        <ExportButtons showHint={false} />
        <iframe
          className="observer-frame"
          title={t('observer.frameTitle')}
          sandbox=""
          srcDoc={shown.html}
          data-testid="observer-frame"
        />
      </div>
      <aside className="summary-side">
        <ObserverOpinion />
      </aside>
    </div>
  );
}

function ObserverOpinion() {
  const t = useT();
  const busy = useSummaryStore((state) => state.busy.comment ?? false);
  const send = useSummaryStore((state) => state.comment);
  const dismiss = useSummaryStore((state) => state.dismissMessages);
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  return (
    <section className="summary-card" aria-labelledby="opinion-heading" data-testid="observer-opinion">
      <h3 id="opinion-heading">{t('observer.opinionHeading')}</h3>
      <p className="muted small">{t('observer.opinionHint')}</p>
      <form
        className="comment-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = text.trim();
          if (!value) return;
          void send(null, 'comment', value).then((ok) => {
            if (!ok) return;
            // The list below says it was sent; no second message above.
            dismiss();
            setSent([...sent, value]);
            setText('');
          });
        }}
      >
        <label className="field">
          <span className="visually-hidden">{t('observer.opinionHeading')}</span>
          <textarea
            name="opinion-text"
            rows={4}
            maxLength={4000}
            value={text}
            placeholder={t('observer.opinionPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button-primary"
          disabled={busy || !text.trim()}
          data-testid="opinion-send"
        >
          {t('observer.opinionSend')}
        </button>
      </form>
      {sent.length > 0 && (
        <ul className="observer-sent" data-testid="observer-sent">
          {sent.map((value, i) => (
            <li key={i}>
              <span aria-hidden="true">✓</span> {t('observer.opinionSent')} <q>{value}</q>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
