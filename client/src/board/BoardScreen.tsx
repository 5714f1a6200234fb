import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type { JoinResponse } from '@empiria/shared';
import { useClockSync } from '../clock/use-clock-sync';
import { FormatGuide } from '../steps/FormatGuide';
import { StepPanel } from '../steps/StepPanel';
import { TidyZones } from '../zones/TidyZones';
import { BackToGroup } from '../follow/BackToGroup';
import { FacilitationLayer } from '../facilitation/FacilitationLayer';
import { FacilitatorConsole } from '../facilitation/FacilitatorConsole';
import { isLocalOnlyRecord } from '../notes/note-meta';
import { HybridLayer } from '../hybrid/HybridLayer';
import { useT } from '../i18n/language-store';
import { BoardProvider } from '../session/board-context';
import type { BoardSession } from '../session/board-session';
import { useConnectionStore } from '../session/connection-store';
import { useBoardSession } from '../session/use-board-session';
import { BoardCanvas } from './BoardCanvas';
import { BoardNotices } from './BoardNotices';
import { BoardTopBar } from './BoardTopBar';
import { PeoplePanel } from './PeoplePanel';
import { SummaryLayer } from '../summary/SummaryLayer';
import { useContinuityStore } from '../continuity/continuity-store';
import { RoomPageControls } from '../facilitation/RoomPageControls';
import { PhoneLayer, usePhoneScreen } from '../phone/PhoneLayer';
import { BoardSurveyPrompt, BoardSurveysSide, BoardSurveysSync } from '../surveys/BoardSurveysSync';

/** The board: top bar, canvas, the list of who is here. Owns the board session's lifetime. */
export function BoardScreen({
  session: join,
  licenseKey,
}: {
  session: JoinResponse;
  licenseKey: string | null;
}) {
  const t = useT();
  const session = useBoardSession(join, {
    audience: 'board',
    // Named as the server names it (after the board: the same in every reader's language).
    defaultPageName: join.board.title,
    // Private notes stay on this device until their round is revealed (facilitation/).
    isLocalOnly: isLocalOnlyRecord,
  });
  useClockSync();

  useEffect(() => {
    document.title = `${join.board.title} · ${t('app.name')}`;
  }, [join.board.title, t]);

  // What the network's earlier meetings agreed, for the step panel (observers are refused: [N17]).
  useEffect(() => {
    if (join.identity.role !== 'observer') {
      void useContinuityStore.getState().load(join.board.id, join.sessionToken);
    }
  }, [join.board.id, join.sessionToken, join.identity.role]);

  if (!session) return <p className="loading">{t('board.loading')}</p>;
  return <BoardBody session={session} licenseKey={licenseKey} />;
}

function BoardBody({ session, licenseKey }: { session: BoardSession; licenseKey: string | null }) {
  const t = useT();
  const join = session.join;
  const [editor, setEditor] = useState<Editor | null>(null);
  const ready = useConnectionStore((state) => state.ready);
  const phoneView = usePhoneScreen();

  return (
    <BoardProvider session={session} editor={editor}>
      <div className="board-screen" data-testid="board-screen" data-phone-view={phoneView}>
        <BoardTopBar session={join} readOnly={!session.canWrite} />
        <BoardNotices />
        <BoardSurveysSync session={join} />
        <BoardSurveyPrompt />
        <div className="board-body">
          <PhoneLayer identity={join.identity} canWrite={session.canWrite} />
          <StepPanel>
            <TidyZones />
          </StepPanel>
          <div className="board-canvas">
            {ready ? (
              <BoardCanvas session={session} licenseKey={licenseKey} onEditor={setEditor} />
            ) : (
              <p className="loading">{t('board.loading')}</p>
            )}
            <BackToGroup />
            <FacilitationLayer />
          </div>
          <HybridLayer />
          <FacilitatorConsole />
          <PeoplePanel />
          <BoardSurveysSide />
        </div>
        <FormatGuide />
        <SummaryLayer session={join} leaderTools={<RoomPageControls />} />
      </div>
    </BoardProvider>
  );
}
