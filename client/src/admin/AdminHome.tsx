import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { useAdminStore } from './admin-store';
import { BoardCard } from './BoardCard';
import { CreateBoardForm } from './CreateBoardForm';
import { DemoDataButton } from './DemoDataButton';
import { useDemoStore } from './demo-store';
import { CreateNetworkForm } from '../networks/CreateNetworkForm';
import { NetworkList } from './NetworkList';
import { NoAdminToken } from './NoAdminToken';
import { OfficeOverview } from '../office/OfficeOverview';

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

  useEffect(() => {
    void load();
  }, [load, token]);

  if (!token) return <NoAdminToken />;

  return (
    <Page wide>
      <div className="admin-intro">
        <div>
          <h1>{t('admin.heading')}</h1>
          <p className="lead">{t('admin.subheading')}</p>
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
      <CreateBoardForm />
      <section aria-labelledby="board-list-heading" className="board-list">
        <h2 id="board-list-heading">
          {boards ? t('admin.list.count', { count: boards.length }) : t('common.loading')}
        </h2>
        {boards?.length === 0 && !loading && <p className="muted">{t('admin.list.empty')}</p>}
        {boards?.map((board) => (
          <BoardCard key={board.id} board={board} />
        ))}
      </section>
      <DemoDataButton />
      <OfficeOverview key={`office-${demoGeneration}`} />
      <CreateNetworkForm />
      <NetworkList key={`networks-${demoGeneration}`} />
    </Page>
  );
}
