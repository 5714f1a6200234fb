import { create } from 'zustand';
import {
  REPORT_ERROR_CODES,
  type MeetingReportContent,
  type MeetingReportResponse,
  type MessageKey,
  type ReportAgendaItem,
} from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { networkPageToken } from '../session/network-token';
import { fetchReport, returnReport, saveReport, submitReport } from './report-api';

/** How long typing pauses before the draft saves itself. */
export const AUTOSAVE_DELAY_MS = 1200;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: MessageKey }
  | { kind: 'ready'; report: MeetingReportResponse };

interface ReportState {
  meetingId: string | null;
  token: string | null;
  phase: Phase;
  /** The form as the pair edits it; saved over `phase.report.revision`. */
  content: MeetingReportContent | null;
  save: SaveState;
  savedAt: Date | null;
  /** The last refusal of a save, submission or return; stale means "load again". */
  error: MessageKey | null;
  busy: boolean;
  open(networkId: string, meetingId: string): Promise<void>;
  edit(patch: Partial<Omit<MeetingReportContent, 'agenda'>>): void;
  editAgendaItem(index: number, patch: Partial<Pick<ReportAgendaItem, 'actualMinutes' | 'comment'>>): void;
  /** Saves now what is waiting for the autosave. */
  flush(): Promise<void>;
  submit(): Promise<void>;
  returnForCorrections(reason: string): Promise<boolean>;
}

export function reportErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.code === REPORT_ERROR_CODES.staleRevision) return 'report.error.stale';
    if (error.code === REPORT_ERROR_CODES.alreadySubmitted) return 'report.error.alreadySubmitted';
    if (error.code === REPORT_ERROR_CODES.meetingNotHeld) return 'report.error.notHeld';
    if (error.status === 403) return 'report.error.forbidden';
  }
  return 'report.error.save';
}

/**
 * The report page's state: the loaded report, the form being edited, and its autosave — each
 * edit restarts a short timer; the save sends the whole form over the revision it was edited from,
 * so a save crossing someone else's is refused (409) rather than silently overwriting it.
 */
export const useReportStore = create<ReportState>((set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Raised by every edit: a save answered after a newer edit leaves the form dirty. */
  let edits = 0;
  let saving: Promise<void> | null = null;

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    cancelTimer();
    set({ save: 'pending' });
    timer = setTimeout(() => void get().flush(), AUTOSAVE_DELAY_MS);
  };
  const changed = (content: MeetingReportContent) => {
    edits++;
    set({ content });
    schedule();
  };

  return {
    meetingId: null,
    token: null,
    phase: { kind: 'loading' },
    content: null,
    save: 'idle',
    savedAt: null,
    error: null,
    busy: false,

    async open(networkId, meetingId) {
      cancelTimer();
      const token = networkPageToken(networkId)?.token ?? null;
      set({ meetingId, token, phase: { kind: 'loading' }, content: null, save: 'idle', error: null });
      if (!token) {
        set({ phase: { kind: 'failed', error: 'report.error.forbidden' } });
        return;
      }
      try {
        const report = await fetchReport(meetingId, token);
        set({ phase: { kind: 'ready', report }, content: report.content });
      } catch (error) {
        const key = reportErrorKey(error);
        set({ phase: { kind: 'failed', error: key === 'report.error.save' ? 'report.error.load' : key } });
      }
    },

    edit(patch) {
      const { content } = get();
      if (content) changed({ ...content, ...patch });
    },

    editAgendaItem(index, patch) {
      const { content } = get();
      if (!content) return;
      changed({
        ...content,
        agenda: content.agenda.map((item, at) => (at === index ? { ...item, ...patch } : item)),
      });
    },

    async flush() {
      cancelTimer();
      if (saving) await saving;
      const { phase, content, meetingId, token, save } = get();
      if (phase.kind !== 'ready' || !content || !meetingId || !token || save !== 'pending') return;
      const sent = edits;
      set({ save: 'saving' });
      saving = (async () => {
        try {
          const report = await saveReport(meetingId, { revision: phase.report.revision, content }, token);
          const newer = edits !== sent;
          set({
            phase: { kind: 'ready', report },
            save: newer ? 'pending' : 'saved',
            savedAt: new Date(),
            error: null,
          });
          if (newer) schedule();
        } catch (error) {
          // The edits stay on screen; a stale save asks to load again, anything else retries on the next edit.
          set({ save: 'pending', error: reportErrorKey(error) });
        } finally {
          saving = null;
        }
      })();
      await saving;
    },

    async submit() {
      cancelTimer();
      if (saving) await saving;
      const { phase, content, meetingId, token } = get();
      if (phase.kind !== 'ready' || !content || !meetingId || !token) return;
      set({ busy: true, error: null });
      try {
        const report = await submitReport(meetingId, { revision: phase.report.revision, content }, token);
        set({ phase: { kind: 'ready', report }, content: report.content, save: 'idle', busy: false });
      } catch (error) {
        set({ busy: false, error: reportErrorKey(error) });
      }
    },

    async returnForCorrections(reason) {
      const { meetingId, token } = get();
      if (!meetingId || !token) return false;
      set({ busy: true, error: null });
      try {
        const report = await returnReport(meetingId, { reason }, token);
        set({ phase: { kind: 'ready', report }, content: report.content, busy: false });
        return true;
      } catch (error) {
        set({ busy: false, error: reportErrorKey(error) });
        return false;
      }
    },
  };
});
