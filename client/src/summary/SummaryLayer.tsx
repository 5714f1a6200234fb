import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { canWriteDoc, isNoteApproverRole, type JoinResponse } from '@empiria/shared';
import { SummaryScreen } from './SummaryScreen';
import { bindSummary, useSummaryStore } from './summary-store';
import { websocketBase } from '../sync/websocket-base';
import { SummarySync } from './summary-sync';

/**
 * Keeps the board's summary document open while the board is (so the approval round's state
 * reaches everyone even with the screen closed) and shows the summary screen when asked.
 * Observers open no summary room: they read only what the group shared, through the export.
 */
export function SummaryLayer({ session, leaderTools }: { session: JoinResponse; leaderTools?: ReactNode }) {
  const open = useSummaryStore((state) => state.open);
  const { identity, board, sessionToken } = session;
  const observer = identity.role === 'observer';

  useEffect(() => {
    const canWrite = canWriteDoc(identity.role, 'summary');
    const sync = observer
      ? null
      : new SummarySync({ boardId: board.id, sessionToken, wsBase: websocketBase(), canWrite });
    const unbind = bindSummary(
      {
        boardId: board.id,
        token: sessionToken,
        personId: identity.id,
        canWrite,
        decides: isNoteApproverRole(identity.role),
        canComment: identity.role !== 'room',
        observer,
      },
      sync,
    );
    void sync?.start();
    return () => {
      unbind();
      sync?.destroy();
    };
  }, [board.id, sessionToken, identity.id, identity.role, observer]);

  return open ? <SummaryScreen boardTitle={board.title} leaderTools={leaderTools} /> : null;
}
