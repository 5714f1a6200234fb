import { create } from 'zustand';
import type { ApprovalRule, MeetingRecord, MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { useLanguageStore } from '../i18n/language-store';
import {
  closeApprovalRound,
  draftFromBoard,
  fetchNotes,
  openApprovalRound,
  sendComment,
  sendConsent,
  sendDecision,
} from './summary-api';
import type { DraftReport, NotesExportFormat } from '@empiria/shared';
import { dismissPendingDraft, insertPendingDraft, writeRecordField } from './summary-doc';
import { printInTab, saveBlob } from './summary-files';
import { confirmationOutlived } from './summary-messages';
import type { SummarySnapshot, SummarySync } from './summary-sync';

export type SummaryAct = 'draft' | 'freeze' | 'close' | 'decide' | 'consent' | 'comment' | NotesExportFormat;

export interface SummarySession {
  boardId: string;
  token: string;
  personId: string;
  /** The pair: edits the note, drafts it, runs the approval round. */
  canWrite: boolean;
  /** A city representative: approves or objects, consents to share. */
  decides: boolean;
  /** May comment or propose amendments (everyone joined but the room display). */
  canComment: boolean;
  observer: boolean;
}

interface SummaryState {
  /** The summary screen is shown over the board. */
  open: boolean;
  session: SummarySession | null;
  sync: SummarySync | null;
  snapshot: SummarySnapshot | null;
  busy: Partial<Record<SummaryAct, boolean>>;
  /** What went wrong with the last act, in the person's words. */
  error: MessageKey | null;
  /** What the last act did (a short confirmation). */
  done: MessageKey | null;
  /** The last "draft from the board" answer (what changed). */
  report: DraftReport | null;
  /** A section picked beside the text to comment on (`at` tells a second pick of the same one). */
  commentTarget: { sectionId: string; at: number } | null;

  setOpen(open: boolean): void;
  pickSection(sectionId: string): void;
  dismissMessages(): void;
  draft(): Promise<void>;
  freeze(rule: ApprovalRule): Promise<boolean>;
  closeRound(): Promise<boolean>;
  decide(decision: 'approve' | 'object', reason?: string): Promise<boolean>;
  consent(observers: boolean, publicly: boolean): Promise<boolean>;
  comment(sectionId: string | null, kind: 'comment' | 'amendment', text: string): Promise<boolean>;
  download(format: 'md' | 'docx'): Promise<void>;
  /** Fills a tab opened in the click handler (`openPrintTab`) with the print page. */
  print(tab: Window | null): Promise<void>;
  insertPending(sectionId: string): void;
  dismissPending(sectionId: string): void;
  setRecord<K extends keyof MeetingRecord>(key: K, value: MeetingRecord[K]): void;
}

const DONE_MS = 6000;

const INITIAL = {
  session: null,
  sync: null,
  snapshot: null,
  busy: {},
  error: null,
  done: null,
  report: null,
  commentTarget: null,
} satisfies Partial<SummaryState>;

/** What to tell the person when an act was refused or could not be sent. */
export function errorMessage(error: unknown): MessageKey {
  if (!(error instanceof ApiRequestError)) return 'common.error.generic';
  if (error.isNetworkError) return 'summary.error.network';
  switch (error.code) {
    case 'empty_note':
      return 'summary.error.emptyNote';
    case 'stale_version':
      return 'summary.error.stale';
    case 'already_decided':
      return 'summary.error.alreadyDecided';
    case 'not_shared':
      return 'observer.notShared';
  }
  if (error.status === 403) return 'summary.error.forbidden';
  return 'common.error.generic';
}

/**
 * The summary screen's state: the summary document's snapshot (fed by `bindSummary`) and the
 * acts sent to the server. Components read it and call the acts; nothing here renders.
 */
export const useSummaryStore = create<SummaryState>((set, get) => {
  /** Runs one act with its busy flag; an error becomes the message shown. */
  async function act<T>(name: SummaryAct, run: (session: SummarySession) => Promise<T>): Promise<T | null> {
    const { session, busy } = get();
    if (!session || busy[name]) return null;
    set({ busy: { ...get().busy, [name]: true }, error: null, done: null });
    try {
      return await run(session);
    } catch (error) {
      set({ error: errorMessage(error) });
      return null;
    } finally {
      set({ busy: { ...get().busy, [name]: false } });
    }
  }
  const versionId = () => get().snapshot?.content.approval?.versionId ?? null;
  let doneTimer: ReturnType<typeof setTimeout> | undefined;
  /** A confirmation stays a few seconds; an error stays until dismissed. */
  const confirm = (done: MessageKey) => {
    set({ done });
    clearTimeout(doneTimer);
    doneTimer = setTimeout(() => {
      if (get().done === done) set({ done: null });
    }, DONE_MS);
  };

  return {
    open: false,
    ...INITIAL,

    setOpen: (open) => set({ open, error: null, done: null }),
    dismissMessages: () => set({ error: null, done: null }),
    pickSection: (sectionId) => set({ commentTarget: { sectionId, at: Date.now() } }),

    async draft() {
      const language = useLanguageStore.getState().language;
      const report = await act('draft', (s) => draftFromBoard(s.boardId, s.token, language));
      if (report) set({ report });
    },

    async freeze(rule) {
      const done = await act('freeze', (s) => openApprovalRound(s.boardId, s.token, rule));
      if (done) confirm('approval.opened');
      return done !== null;
    },

    async closeRound() {
      const id = versionId();
      if (!id) return false;
      const done = await act('close', (s) => closeApprovalRound(s.boardId, s.token, id));
      return done !== null;
    },

    async decide(decision, reason) {
      const id = versionId();
      if (!id) return false;
      const done = await act('decide', (s) =>
        sendDecision(s.boardId, s.token, { versionId: id, decision, ...(reason ? { reason } : {}) }),
      );
      if (done) confirm(decision === 'approve' ? 'approval.sentApprove' : 'approval.sentObject');
      return done !== null;
    },

    async consent(observers, publicly) {
      const id = versionId();
      if (!id) return false;
      const done = await act('consent', (s) =>
        sendConsent(s.boardId, s.token, { versionId: id, observers, public: publicly }),
      );
      if (done) confirm('consent.saved');
      return done !== null;
    },

    async comment(sectionId, kind, text) {
      const done = await act('comment', (s) => sendComment(s.boardId, s.token, { sectionId, kind, text }));
      if (done) confirm(kind === 'amendment' ? 'comments.sentAmendment' : 'comments.sent');
      return done !== null;
    },

    async download(format) {
      const file = await act(format, (s) => fetchNotes(s.boardId, s.token, format));
      if (file) saveBlob(file.blob, file.filename);
    },

    async print(tab) {
      if (!tab) {
        set({ error: 'export.popupBlocked' });
        return;
      }
      const file = await act('html', (s) => fetchNotes(s.boardId, s.token, 'html'));
      if (!file) {
        tab.close();
        return;
      }
      printInTab(tab, await file.blob.text());
    },

    insertPending(sectionId) {
      const { sync, snapshot } = get();
      const pending = snapshot?.content.pending.find((p) => p.sectionId === sectionId);
      if (!sync?.canWrite || !pending) return;
      insertPendingDraft(sync.doc, sectionId, pending.blocks);
    },

    dismissPending(sectionId) {
      const { sync } = get();
      if (sync?.canWrite) dismissPendingDraft(sync.doc, sectionId);
    },

    setRecord(key, value) {
      const { sync } = get();
      if (sync?.canWrite) writeRecordField(sync.doc, key, value);
    },
  };
});

/** Feeds the store from a summary sync (null for observers, who read exports only). */
export function bindSummary(session: SummarySession, sync: SummarySync | null): () => void {
  let approval = sync?.getSnapshot()?.content.approval ?? null;
  const push = () => {
    const snapshot = sync?.getSnapshot() ?? null;
    const before = approval;
    approval = snapshot?.content.approval ?? null;
    const outlived = confirmationOutlived(useSummaryStore.getState().done, before, approval);
    useSummaryStore.setState(outlived ? { snapshot, done: null } : { snapshot });
  };
  useSummaryStore.setState({ session, sync, snapshot: sync?.getSnapshot() ?? null });
  const unsubscribe = sync?.subscribe(push);
  return () => {
    unsubscribe?.();
    useSummaryStore.setState({ ...INITIAL, open: false });
  };
}
