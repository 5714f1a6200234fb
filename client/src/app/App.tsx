import { useMemo } from 'react';
import { AdminHome } from '../admin/AdminHome';
import { ArchivePage } from '../archive/ArchivePage';
import { ForumPage } from '../forum/ForumPage';
import { SurveysPage } from '../surveys/SurveysPage';
import { NetworkDocumentsPage } from '../documents/NetworkDocumentsPage';
import { PlanPage } from '../plan/PlanPage';
import { OfficeHoursPage } from '../office-hours/OfficeHoursPage';
import { ReportPage } from '../report/ReportPage';
import { HomeRoute } from '../home/HomeRoute';
import { BoardRoute } from '../join/BoardRoute';
import { NetworkPage } from '../networks/NetworkPage';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { parseRoute } from './route';

export function App({ licenseKey }: { licenseKey: string | null }) {
  const route = useMemo(() => parseRoute(window.location), []);
  switch (route.kind) {
    case 'admin':
      return <AdminHome />;
    case 'board':
      return <BoardRoute boardId={route.boardId} inviteToken={route.inviteToken} licenseKey={licenseKey} />;
    case 'network':
      return <NetworkPage networkId={route.networkId} />;
    case 'archive':
      return <ArchivePage networkId={route.networkId} />;
    case 'forum':
      return <ForumPage networkId={route.networkId} threadId={route.threadId} />;
    case 'surveys':
      return <SurveysPage networkId={route.networkId} surveyId={route.surveyId} />;
    case 'report':
      return <ReportPage networkId={route.networkId} meetingId={route.meetingId} />;
    case 'office-hours':
      return <OfficeHoursPage networkId={route.networkId} view={route.view} />;
    case 'plan':
      return <PlanPage networkId={route.networkId} />;
    case 'documents':
      return <NetworkDocumentsPage networkId={route.networkId} />;
    case 'home':
      return <HomeRoute personalToken={route.personalToken} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return (
    <Page>
      <section className="card">
        <h1>{t('join.notFound.title')}</h1>
        <p>{t('join.notFound.body')}</p>
      </section>
    </Page>
  );
}
