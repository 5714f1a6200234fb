import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ApprovalPanel, useNoteStatus } from './ApprovalPanel';
import { CommentsPanel } from './CommentsPanel';
import { DraftFromBoard, PendingDrafts } from './DraftFromBoard';
import { ExportButtons } from './ExportButtons';
import { MeetingRecordForm } from './MeetingRecordForm';
import { NoteEditor } from './NoteEditor';
import { ObserverNotes } from './ObserverNotes';
import { useSummaryStore } from './summary-store';
import type { NoteStatus } from './summary-view';
import './summary.css';

const STATUS_PILL: Record<NoteStatus, MessageKey> = {
  draft: 'note.pill.draft',
  voting: 'note.pill.voting',
  'voting-changed': 'note.pill.voting',
  approved: 'note.pill.approved',
  'changed-after-approval': 'note.pill.changed',
  'not-approved': 'note.pill.notApproved',
};

/**
 * The meeting notes, over the board: the record and the text (edited by the pair, read by the
 * others), drafting from the board, the approval round, comments and the exports. Observers see
 * only what the group shared with them. `leaderTools`: the board's instruments the pair needs while
 * reading the note out (the room display's page), given by the board screen.
 */
export function SummaryScreen({ boardTitle, leaderTools }: { boardTitle: string; leaderTools?: ReactNode }) {
  const t = useT();
  const session = useSummaryStore((state) => state.session);
  const setOpen = useSummaryStore((state) => state.setOpen);
  const meetingTitle = useSummaryStore((state) => state.snapshot?.content.record.meetingTitle ?? '');
  const connection = useSummaryStore((state) => state.snapshot?.status ?? null);
  const back = useRef<HTMLButtonElement>(null);
  const status = useNoteStatus();

  useEffect(() => {
    back.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Escape' &&
        !(event.target instanceof HTMLElement && event.target.closest('.ProseMirror'))
      ) {
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  if (!session) return null;
  return (
    <div
      className="summary-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="summary-title"
      data-testid="summary-screen"
    >
      <header className="summary-header">
        <button
          ref={back}
          type="button"
          className="button-secondary"
          onClick={() => setOpen(false)}
          data-testid="summary-close"
        >
          <span aria-hidden="true">←</span> {t('summary.back')}
        </button>
        <div className="summary-title">
          <p className="eyebrow">{t('summary.eyebrow')}</p>
          <h2 id="summary-title">{meetingTitle || boardTitle}</h2>
        </div>
        {!session.observer && (
          <span className={`pill note-pill note-pill-${status}`} data-testid="note-pill" data-status={status}>
            {t(STATUS_PILL[status])}
          </span>
        )}
        {connection && connection !== 'connected' && (
          <span className={`pill summary-connection status-${connection}`} role="status">
            {t(`status.${connection}`)}
          </span>
        )}
        {!session.observer && <ExportButtons />}
      </header>
      <Messages />
      {session.observer ? (
        <ObserverNotes />
      ) : (
        <div className="summary-body">
          <main className="summary-main">
            <MeetingRecordForm />
            <PendingDrafts />
            <NoteEditor />
          </main>
          <aside className="summary-side">
            {leaderTools}
            <DraftFromBoard />
            <ApprovalPanel />
            <CommentsPanel />
          </aside>
        </div>
      )}
    </div>
  );
}

function Messages() {
  const t = useT();
  const error = useSummaryStore((state) => state.error);
  const done = useSummaryStore((state) => state.done);
  const dismiss = useSummaryStore((state) => state.dismissMessages);
  if (!error && !done) return null;
  return (
    <div
      className={error ? 'notice notice-error' : 'notice notice-info'}
      role={error ? 'alert' : 'status'}
      data-testid="summary-message"
    >
      <span>{t((error ?? done)!)}</span>
      <button type="button" className="button-quiet" onClick={dismiss}>
        {t('board.dismiss')}
      </button>
    </div>
  );
}
