import { useEffect, useState } from 'react';
import type { TLRecord } from 'tldraw';
import { CloseCode, canWriteDoc } from '@empiria/shared';
import type { JoinResponse } from '@empiria/shared';
import { CanvasSync } from '../canvas/canvas-sync';
import { bindControlToStore } from '../control/bind-control';
import { ControlSync } from '../control/control-sync';
import { websocketBase } from '../sync/websocket-base';
import { bindSyncToStores } from './bind-sync';
import type { BoardSession } from './board-session';
import { useConnectionStore } from './connection-store';
import { useSessionStore } from './session-store';

/**
 * Who looks at the board: a person working on it (writes as their role allows), the room's
 * projector (reads the same documents, writes nothing) or the observer cities' stream (reads the
 * server's projection of the open parts, [P7]).
 */
export type BoardAudience = 'board' | 'room' | 'observers';

export interface BoardSessionOptions {
  audience: BoardAudience;
  /** The first page's name when this client creates an empty board's page. */
  defaultPageName?: string;
  /** Records never sent (see CanvasSyncOptions.isLocalOnly). */
  isLocalOnly?: (record: TLRecord) => boolean;
}

/**
 * The board's session on this screen: opens the canvas and control documents, mirrors them into
 * the stores the screen reads, ends the sign-in when the server refuses it for good, and closes
 * both on unmount. Null until the documents are made (the first render).
 */
export function useBoardSession(join: JoinResponse, options: BoardSessionOptions): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const { audience } = options;
  const writer = audience === 'board';
  const canWrite = writer && canWriteDoc(join.identity.role, 'canvas');
  const canLead = writer && canWriteDoc(join.identity.role, 'control');
  const terminalCloseCode = useConnectionStore((state) => state.terminalCloseCode);
  const sessionEnded = useSessionStore((state) => state.sessionEnded);

  useEffect(() => {
    const observers = audience === 'observers';
    const canvas = new CanvasSync({
      boardId: join.board.id,
      sessionToken: join.sessionToken,
      identity: join.identity,
      canWrite,
      wsBase: websocketBase(),
      defaultPageName: options.defaultPageName ?? '',
      doc: observers ? 'stream-canvas' : 'canvas',
      isLocalOnly: options.isLocalOnly,
    });
    const control = new ControlSync({
      boardId: join.board.id,
      sessionToken: join.sessionToken,
      wsBase: websocketBase(),
      canWrite: canLead,
      doc: observers ? 'stream-control' : 'control',
    });
    const unbindCanvas = bindSyncToStores(canvas);
    const unbindControl = bindControlToStore(control, join.board);
    setSession({ join, canvas, control, canWrite, canLead });
    void canvas.start();
    void control.start();
    return () => {
      unbindControl();
      unbindCanvas();
      control.destroy();
      canvas.destroy();
      setSession(null);
    };
    // The page name is used once, for an empty board (a language switch must not reconnect);
    // what stays local is decided by the screen's features, fixed for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [join, audience, canWrite, canLead]);

  useEffect(() => {
    // The server closed the socket for good because the session is no longer valid.
    if (terminalCloseCode === CloseCode.unauthorized) void sessionEnded();
  }, [terminalCloseCode, sessionEnded]);

  return session;
}
