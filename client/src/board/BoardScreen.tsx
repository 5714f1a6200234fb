import { useEffect, useState } from 'react';
import { canWriteDoc } from '@empiria/shared';
import type { JoinResponse } from '@empiria/shared';
import { CloseCode } from '@empiria/shared';
import { CanvasSync } from '../canvas/canvas-sync';
import { bindControlToStore } from '../control/bind-control';
import { ControlSync } from '../control/control-sync';
import { FormatGuide } from '../steps/FormatGuide';
import { StepPanel } from '../steps/StepPanel';
import { TidyZones } from '../zones/TidyZones';
import { BackToGroup } from '../follow/BackToGroup';
import { FacilitationLayer } from '../facilitation/FacilitationLayer';
import { FacilitatorConsole } from '../facilitation/FacilitatorConsole';
import { HybridLayer } from '../hybrid/HybridLayer';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import { bindSyncToStores } from './bind-sync';
import { BoardCanvas } from './BoardCanvas';
import { BoardNotices } from './BoardNotices';
import { BoardTopBar } from './BoardTopBar';
import { useConnectionStore } from './connection-store';
import { PeoplePanel } from './PeoplePanel';
import { SummaryLayer } from '../summary/SummaryLayer';
import { useContinuityStore } from '../continuity/continuity-store';
import { RoomPageControls } from '../facilitation/RoomPageControls';
import { PhoneLayer, usePhoneScreen } from '../phone/PhoneLayer';
import { websocketBase } from '../sync/websocket-base';
import { BoardSurveyPrompt, BoardSurveysSide, BoardSurveysSync } from '../surveys/BoardSurveysSync';

/** The board: top bar, canvas, the list of who is here. Owns the canvas sync's lifetime. */
export function BoardScreen({ session, licenseKey }: { session: JoinResponse; licenseKey: string | null }) {
  const t = useT();
  const canWrite = canWriteDoc(session.identity.role, 'canvas');
  const canLead = canWriteDoc(session.identity.role, 'control');
  const [sync, setSync] = useState<CanvasSync | null>(null);
  const [control, setControl] = useState<ControlSync | null>(null);
  const ready = useConnectionStore((state) => state.ready);
  const terminalCloseCode = useConnectionStore((state) => state.terminalCloseCode);
  const sessionEnded = useSessionStore((state) => state.sessionEnded);
  const phoneView = usePhoneScreen();

  useEffect(() => {
    const next = new CanvasSync({
      boardId: session.board.id,
      sessionToken: session.sessionToken,
      identity: session.identity,
      canWrite,
      wsBase: websocketBase(),
      defaultPageName: t('board.firstPage'),
    });
    const unbind = bindSyncToStores(next);
    setSync(next);
    void next.start();
    return () => {
      unbind();
      next.destroy();
    };
    // The page name is only used once, for an empty board: a language switch must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.board.id, session.sessionToken, session.identity, canWrite]);

  useEffect(() => {
    const control = new ControlSync({
      boardId: session.board.id,
      sessionToken: session.sessionToken,
      wsBase: websocketBase(),
      canWrite: canLead,
    });
    const unbind = bindControlToStore(control, session.board);
    setControl(control);
    void control.start();
    return () => {
      unbind();
      control.destroy();
    };
  }, [session.board, session.sessionToken, canLead]);

  useEffect(() => {
    // The server closed the socket for good because the session is no longer valid.
    if (terminalCloseCode === CloseCode.unauthorized) void sessionEnded();
  }, [terminalCloseCode, sessionEnded]);

  useEffect(() => {
    document.title = `${session.board.title} · ${t('app.name')}`;
  }, [session.board.title, t]);

  // What the network's earlier meetings agreed, for the step panel (observers are refused: [N17]).
  useEffect(() => {
    if (session.identity.role !== 'observer') {
      void useContinuityStore.getState().load(session.board.id, session.sessionToken);
    }
  }, [session.board.id, session.sessionToken, session.identity.role]);

  return (
    <div className="board-screen" data-testid="board-screen" data-phone-view={phoneView}>
      <BoardTopBar session={session} readOnly={!canWrite} />
      <BoardNotices />
      <BoardSurveysSync session={session} />
      <BoardSurveyPrompt />
      <div className="board-body">
        <PhoneLayer identity={session.identity} canWrite={canWrite} />
        <StepPanel>
          <TidyZones />
        </StepPanel>
        <div className="board-canvas">
          {sync && control && ready ? (
            <BoardCanvas
              sync={sync}
              control={control}
              licenseKey={licenseKey}
              readOnly={!canWrite}
              identity={session.identity}
            />
          ) : (
            <p className="loading">{t('board.loading')}</p>
          )}
          <BackToGroup />
          <FacilitationLayer session={session} sync={sync} control={control} />
        </div>
        <HybridLayer session={session} sync={sync} />
        <FacilitatorConsole />
        <PeoplePanel />
        <BoardSurveysSide />
      </div>
      <FormatGuide />
      <SummaryLayer session={session} leaderTools={<RoomPageControls />} />
    </div>
  );
}
