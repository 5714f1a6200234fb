import { useEffect, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { CollaboratorHintOverlayUtil, Tldraw } from 'tldraw';
import type { Editor, TLComponents } from 'tldraw';
import { boardShapeComponents, boardShapeUtils } from '../canvas/board-shape-utils';
import { tldrawAssetUrls } from '../canvas/tldraw-assets';
import type { JoinResponse } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { itemText } from '../facilitation/board-items';
import { useServerNow } from '../clock/clock-store';
import { useClockSync } from '../clock/use-clock-sync';
import { timerView } from '../facilitation/timer-view';
import { useLocalized } from '../formats/localized';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useLanguageStore, useT } from '../i18n/language-store';
import { BoardProvider, useBoardEditor } from '../session/board-context';
import type { BoardSession } from '../session/board-session';
import { useConnectionStore } from '../session/connection-store';
import { exposeTestHooks } from '../session/test-hooks';
import { useBoardSession } from '../session/use-board-session';
import { websocketBase } from '../sync/websocket-base';
import { useTemplateDisplay } from '../template/use-template-display';
import { STATUS_ICONS } from '../ui/connection-icons';
import { Icon } from '../ui/icons';
import { driveRoomCamera } from './room-camera';
import { roomStage } from './room-view';
import type { RoomFocus } from './room-view';
import { RoomMeetingNote } from './RoomMeetingNote';
import { RoomSheet } from './RoomSheet';
import { RoomNoteBadges } from './RoomNoteBadges';
import { ClosedPart } from '../stream/ClosedPart';
import { streamPhase } from '../stream/stream-view';
import { SummaryButton } from '../summary/SummaryButton';
import { SummaryLayer } from '../summary/SummaryLayer';
import { RoomSurveyResults } from '../surveys/RoomSurveyResults';
import '../stream/stream.css';
import './hybrid.css';
import './room-display.css';

const NO_STEPS: readonly never[] = [];

/** No cursors: other people's pointers and their name labels would cover the notes the room reads. */
const components: TLComponents = {
  ...boardShapeComponents,
  OnTheCanvas: RoomNoteBadges,
  CollaboratorCursor: null,
};

/** No arrows at the screen's edge pointing at someone's cursor elsewhere on the board. */
class NoCollaboratorHints extends CollaboratorHintOverlayUtil {
  override isActive(): boolean {
    return false;
  }
}
const overlayUtils = [NoCollaboratorHints];

/**
 * The room display (`role: room`): the projector in the room shows the current step's sheet, its
 * number, title and instruction in large type, the timer and the last vote's results — nothing to
 * click, nothing to edit. It reads the canvas and the control documents and publishes nothing; the
 * connection code reconnects by itself, and a dot says how the link is.
 */
export function RoomDisplay({
  session,
  licenseKey,
  audience = 'room',
}: {
  session: JoinResponse;
  licenseKey: string | null;
  /**
   * `observers`: the same view as the observer cities' stream ([P7]): it reads the server's
   * projection of the open parts, shows a "closed part" screen in between, and never the notes.
   */
  audience?: 'room' | 'observers';
}) {
  const t = useT();
  const observers = audience === 'observers';
  const board = useBoardSession(session, { audience });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [focus, setFocus] = useState<RoomFocus>({ kind: 'none' });
  const ready = useConnectionStore((state) => state.ready);

  useEffect(() => {
    document.title = `${t(observers ? 'stream.title' : 'room.displayName')} · ${session.board.title}`;
  }, [session.board.title, t, observers]);

  useFullscreenKey();
  useClockSync();

  const step = useStepStore((state) =>
    state.format && state.currentIndex !== null ? (state.format.steps[state.currentIndex] ?? null) : null,
  );
  const steps = useStepStore((state) => state.format?.steps ?? NO_STEPS);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const access = useStepStore((state) => state.control.observerAccess);
  const roomStageNow = roomStage(focus, step?.tools ?? null);
  // Observers: nothing between open parts, and the draft note is never theirs to read ([P6]).
  const stage = !observers
    ? roomStageNow
    : streamPhase(steps, currentIndex, access).kind !== 'open'
      ? 'closed'
      : roomStageNow === 'note'
        ? 'sheet'
        : roomStageNow;
  const approvalForObservers = observers && stage !== 'closed' && (step?.tools.includes('approval') ?? false);

  const screen = (
    <div className="room-display" data-testid="room-display" data-stage={stage} data-audience={audience}>
      <header className="room-top">
        <p className="room-board">
          <span className="brand-mark brand-mark-sm" aria-hidden="true">
            E
          </span>
          <span className="room-board-title">{session.board.title}</span>
        </p>
        <div className="room-footer">
          {observers && (
            <span className="stream-badge" data-testid="stream-badge">
              {t('stream.badge')}
            </span>
          )}
          {observers && <SummaryButton />}
          <ConnectionDot />
          <LanguageSwitcher compact />
          <FullscreenButton />
        </div>
      </header>
      <section className="room-info" aria-label={t(observers ? 'stream.title' : 'room.displayName')}>
        <RoomStep timer={<RoomTimer />} />
        <RoomFocusNote focus={focus} />
        {approvalForObservers && (
          <p className="room-focus-note" data-testid="stream-note-after-consent">
            {t('stream.noteAfterConsent')}
          </p>
        )}
      </section>
      <div className="room-stage">
        <div className="room-stage-main">
          {/* Hidden behind the sheet or the note: out of reach of the keyboard too (axe). */}
          <div className="room-canvas" aria-hidden={stage !== 'canvas'} inert={stage !== 'canvas'}>
            {board && ready ? (
              <RoomCanvas session={board} licenseKey={licenseKey} onFocus={setFocus} onEditor={setEditor} />
            ) : (
              <p className="loading">{t('board.loading')}</p>
            )}
          </div>
          {stage === 'sheet' && focus.kind === 'sheet' && <RoomSheet stepId={focus.stepId} />}
          {stage === 'note' && <RoomMeetingNote session={session} wsBase={websocketBase()} />}
          {stage === 'closed' && <ClosedPart />}
        </div>
        {stage !== 'note' && stage !== 'closed' && <RoomVote />}
        {/* Observers' stream has no survey results: they are the room's ([SV7]). */}
        {!observers && stage !== 'note' && <RoomSurveyResults session={session} />}
      </div>
      {observers && <SummaryLayer session={session} />}
    </div>
  );
  // The panels read the editor (the vote's note texts) through the session's context.
  return board ? (
    <BoardProvider session={board} editor={editor}>
      {screen}
    </BoardProvider>
  ) : (
    screen
  );
}

/** The room's camera goes with the group on its own; no one at the projector steps away. */
const roomFollowMode = () => 'following';

function RoomCanvas({
  session,
  licenseKey,
  onFocus,
  onEditor,
}: {
  session: BoardSession;
  licenseKey: string | null;
  onFocus: (focus: RoomFocus) => void;
  onEditor: (editor: Editor | null) => void;
}) {
  const language = useLanguageStore((state) => state.language);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (!editor) return;
    editor.updateInstanceState({ isReadonly: true });
    editor.setCameraOptions({ ...editor.getCameraOptions(), isLocked: true });
    const stop = driveRoomCamera(editor, session.canvas, onFocus);
    const hide = exposeTestHooks(editor, session, roomFollowMode);
    return () => {
      stop();
      hide();
    };
  }, [editor, session, onFocus]);

  useTemplateDisplay();

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language });
  }, [editor, language]);

  return (
    <Tldraw
      store={session.canvas.store}
      assetUrls={tldrawAssetUrls}
      licenseKey={licenseKey ?? undefined}
      shapeUtils={boardShapeUtils}
      components={components}
      overlayUtils={overlayUtils}
      hideUi
      locale={language}
      onMount={setEditor}
    />
  );
}

/** The step in large type, with the timer beside its number. */
function RoomStep({ timer }: { timer: ReactNode }) {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const synced = useStepStore((state) => state.synced);
  if (!format || format.steps.length === 0) return <div className="room-step-head">{timer}</div>;
  const step = currentIndex === null ? null : format.steps[currentIndex];
  if (!step || currentIndex === null) {
    return (
      <section className="room-step" data-testid="room-step" data-step-id="">
        <div className="room-step-text">
          <h1 className="room-step-title" data-testid="room-step-title">
            {synced ? t('step.notStarted.title') : t('step.loading')}
          </h1>
        </div>
        {timer}
      </section>
    );
  }
  return (
    <section className="room-step" aria-live="polite" data-testid="room-step" data-step-id={step.id}>
      <div className="room-step-text">
        <h1 className="room-step-title">
          <span
            className="room-step-badge"
            title={t('step.of', { number: currentIndex + 1, total: format.steps.length })}
          >
            {currentIndex + 1}
          </span>
          <span data-testid="room-step-title">{local(step.title)}</span>
        </h1>
        <p className="room-step-instruction" data-testid="room-step-instruction">
          {local(step.instruction)}
        </p>
      </div>
      {timer}
    </section>
  );
}

function RoomFocusNote({ focus }: { focus: RoomFocus }) {
  const t = useT();
  if (focus.kind === 'leader' && focus.name) {
    return (
      <p className="room-focus-note" data-testid="room-focus-note" data-kind="leader">
        {t('room.following', { name: focus.name })}
      </p>
    );
  }
  if (focus.kind === 'summon') {
    return (
      <p className="room-focus-note" data-testid="room-focus-note" data-kind="summon">
        {t('room.summoned', { name: focus.name })}
      </p>
    );
  }
  return null;
}

function RoomTimer() {
  const t = useT();
  const timer = useStepStore((state) => state.control.timer);
  const now = useServerNow(250);
  const view = timerView(timer, now);
  if (view.phase === 'stopped') return null;
  return (
    <section
      className={`room-timer is-${view.phase}${view.urgent ? ' is-urgent' : ''}`}
      data-testid="room-timer"
      data-phase={view.phase}
    >
      <span className="room-timer-label">
        <Icon name="timer" size="1em" />
        {t('room.timer')}
      </span>
      <span className="room-timer-time" role="timer">
        {view.phase === 'elapsed' ? t('room.timeUp') : view.label}
      </span>
      {view.phase === 'paused' && <span className="room-timer-state">{t('room.timerPaused')}</span>}
      {view.phase === 'running' && (
        <span className="room-timer-bar" aria-hidden="true">
          <span style={{ width: `${view.share * 100}%` }} />
        </span>
      )}
    </section>
  );
}

/** The podium, with ties (three places is what the steps after a vote work on), at most five rows. */
const SHOWN_PLACES = 3;
const SHOWN_RESULTS = 5;

/** Lines a result's text may take: the fewer the results, the more of each the room reads. */
function linesPerResult(results: number): number {
  return results <= 2 ? 6 : results <= 3 ? 4 : 3;
}

function RoomVote() {
  const t = useT();
  const voting = useStepStore((state) => state.control.voting);
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const editor = useBoardEditor();
  if (!voting) return null;
  const stepIndex = format?.steps.findIndex((step) => step.id === voting.settings.stepId) ?? -1;
  // A vote belongs to its step: its results leave the projector when the group moves on.
  if (stepIndex >= 0 && stepIndex !== currentIndex) return null;
  if (voting.status === 'open' && !voting.ranking) {
    return (
      <section className="room-vote" data-testid="room-vote" data-status="open">
        <h2 className="room-label">{t('room.vote.open')}</h2>
        <p className="room-vote-voters">{t('room.vote.voters', { count: voting.voterCount })}</p>
      </section>
    );
  }
  const ranking = (voting.ranking ?? [])
    .filter((entry) => entry.votes > 0 && entry.place <= SHOWN_PLACES)
    .slice(0, SHOWN_RESULTS);
  return (
    <section className="room-vote" data-testid="room-vote" data-status={voting.status}>
      <h2 className="room-label">
        {voting.status === 'open' ? t('room.vote.open') : t('room.vote.results')}
      </h2>
      <ol
        className="room-vote-list"
        style={{ '--room-vote-lines': linesPerResult(ranking.length) } as CSSProperties}
      >
        {ranking.map((entry) => (
          <li key={entry.targetId} data-testid="room-vote-entry" data-place={entry.place}>
            <span className="room-vote-place">{entry.place}</span>
            <span className="room-vote-text">
              {(editor && itemText(editor, entry.targetId)?.text) || t('room.vote.untitled')}
            </span>
            <span className="room-vote-count">{t('room.vote.votes', { count: entry.votes })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ConnectionDot() {
  const t = useT();
  const status = useConnectionStore((state) => state.status);
  const label = t('room.connection', { status: t(`status.${status}`) });
  return (
    <span
      className={`room-dot room-dot-${status}`}
      role="status"
      title={label}
      data-testid="connection-status"
      data-status={status}
    >
      <span className="room-dot-light" aria-hidden="true" data-icon={STATUS_ICONS[status]}>
        <Icon name={STATUS_ICONS[status]} size="22px" />
      </span>
      <span className={status === 'connected' ? 'visually-hidden' : 'room-dot-text'}>
        {status === 'connected' ? label : t(`status.${status}`)}
      </span>
    </span>
  );
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

function useFullscreenKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey) {
        toggleFullscreen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function FullscreenButton() {
  const t = useT();
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return (
    <button
      type="button"
      className="room-fullscreen"
      onClick={toggleFullscreen}
      data-testid="room-fullscreen"
    >
      <Icon name="expand" />
      {full ? t('room.exitFullscreen') : t('room.fullscreen')}
    </button>
  );
}
