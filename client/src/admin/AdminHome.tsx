import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { useAdminStore } from './admin-store';
import { BoardCard } from './BoardCard';
import { CreateBoardForm } from './CreateBoardForm';
import { DemoDataButton } from './DemoDataButton';
import { useDemoStore } from './demo-store';
import { CreateNetworkForm } from './CreateNetworkForm';
import { NetworkList } from './NetworkList';
import { NoAdminToken } from './NoAdminToken';
import { OfficeOverview } from '../office/OfficeOverview';
import { useMeetingBoardsStore } from './meeting-boards-store';
import './admin-home.css';

export function AdminHome() {
  const t = useT();
  const token = useAdminStore((state) => state.token);
  const boards = useAdminStore((state) => state.boards);
  const loading = useAdminStore((state) => state.loading);
  const error = useAdminStore((state) => state.error);
  const load = useAdminStore((state) => state.load);
  const signOut = useAdminStore((state) => state.signOut);
  // Loading the demo data remounts the network lists, which read the server again.
  const demoGeneration = useDemoStore((state) => state.generation);
  const loadMeetingBoards = useMeetingBoardsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load, token]);
  useEffect(() => {
    if (token) void loadMeetingBoards(token);
  }, [loadMeetingBoards, token, demoGeneration]);

  if (!token) return <NoAdminToken />;

  return (
    <Page wide>
      {/* The office's work is its networks first; boards (most of them the networks' meeting
          boards, a few ad-hoc workshops) come after. */}
      <div className="admin-intro">
        <div>
          <h1>{t('networkAdmin.home.heading')}</h1>
          <p className="lead">{t('networkAdmin.home.lead')}</p>
        </div>
        <button type="button" className="button-quiet" onClick={signOut}>
          {t('admin.signOut')}
        </button>
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
          <button type="button" className="button-secondary" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <OfficeOverview key={`office-${demoGeneration}`} token={token} />
      <CreateNetworkForm />
      <NetworkList key={`networks-${demoGeneration}`} />
      <DemoDataButton />
      <section aria-labelledby="boards-heading" className="admin-boards">
        <h2 id="boards-heading">{t('admin.heading')}</h2>
        <p className="muted">{t('admin.subheading')}</p>
        <CreateBoardForm />
        <section aria-labelledby="board-list-heading" className="board-list">
          <h3 id="board-list-heading">
            {boards ? t('admin.list.count', { count: boards.length }) : t('common.loading')}
          </h3>
          {boards?.length === 0 && !loading && <p className="muted">{t('admin.list.empty')}</p>}
          {boards?.map((board) => (
            <BoardCard key={board.id} board={board} />
          ))}
        </section>
      </section>
    </Page>
  );
}
