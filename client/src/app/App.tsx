import { Suspense, useMemo } from 'react';
import {
  AdminHome,
  ArchivePage,
  BoardRoute,
  ForumPage,
  HomeRoute,
  NetworkDocumentsPage,
  NetworkPage,
  OfficeHoursPage,
  PlanPage,
  ReportPage,
  SurveysPage,
} from './pages';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { PageErrorBoundary } from './PageErrorBoundary';
import { parseRoute, type Route } from './route';

export function App({ licenseKey }: { licenseKey: string | null }) {
  const route = useMemo(() => parseRoute(window.location), []);
  // Nothing while a page's code loads: a few milliseconds from our own server, and a spinner
  // that flashes is worse than none.
  return (
    <PageErrorBoundary>
      <Suspense fallback={null}>
        <RoutePage route={route} licenseKey={licenseKey} />
      </Suspense>
    </PageErrorBoundary>
  );
}

function RoutePage({ route, licenseKey }: { route: Route; licenseKey: string | null }) {
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
