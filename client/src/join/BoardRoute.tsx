import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import { BoardScreen } from '../board/BoardScreen';
import { Page } from '../ui/Page';
import { JoinForm } from './JoinForm';
import { RoomDisplay } from '../hybrid/RoomDisplay';
import { RoomJoin } from '../hybrid/RoomJoin';

interface Props {
  boardId: string;
  inviteToken: string | null;
  licenseKey: string | null;
}

/** `/b/<boardId>?token=…`: the join form until a session exists, then the board. */
export function BoardRoute({ boardId, inviteToken, licenseKey }: Props) {
  const t = useT();
  const phase = useSessionStore((state) => state.phase);
  const open = useSessionStore((state) => state.open);

  useEffect(() => {
    void open(boardId, inviteToken);
  }, [open, boardId, inviteToken]);

  switch (phase.kind) {
    case 'checking':
      return (
        <Page>
          <p className="loading">{t('common.loading')}</p>
        </Page>
      );
    case 'join':
      // The room display joins under its own name, so it asks for no person's.
      if (phase.role === 'room')
        return <RoomJoin board={phase.board} profile={phase.profile} notice={phase.notice} />;
      return <JoinForm board={phase.board} role={phase.role} profile={phase.profile} notice={phase.notice} />;
    case 'joined':
      if (phase.session.identity.role === 'room')
        return <RoomDisplay session={phase.session} licenseKey={licenseKey} />;
      // Observer cities follow the open parts only, as the server streams them ([P6], [P7]).
      if (phase.session.identity.role === 'observer')
        return <RoomDisplay session={phase.session} licenseKey={licenseKey} audience="observers" />;
      return <BoardScreen session={phase.session} licenseKey={licenseKey} />;
    case 'invalid':
      return (
        <Page>
          <section className="card" data-testid="link-problem">
            <h1>{t(phase.reason === 'link' ? 'join.invalidLink.title' : 'join.notFound.title')}</h1>
            <p>{t(phase.reason === 'link' ? 'join.invalidLink.body' : 'join.notFound.body')}</p>
          </section>
        </Page>
      );
    case 'unreachable':
      return (
        <Page>
          <section className="card">
            <p>{t('common.error.network')}</p>
            <button type="button" className="button-primary" onClick={() => void open(boardId, inviteToken)}>
              {t('common.retry')}
            </button>
          </section>
        </Page>
      );
  }
}
