import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { SurveyListView } from './SurveyListView';
import { SurveyView } from './SurveyView';
import { surveysPath, useSurveysPageStore } from './surveys-page-store';
import '../ui/network-page.css';
import './surveys.css';

/** `/n/<networkId>/surveys` and `/n/<networkId>/surveys/<surveyId>`: a network's surveys. */
export function SurveysPage({ networkId, surveyId }: { networkId: string; surveyId: string | null }) {
  const t = useT();
  const open = useSurveysPageStore((state) => state.open);
  const phase = useSurveysPageStore((state) => state.phase);
  const access = useSurveysPageStore((state) => state.access);
  const error = useSurveysPageStore((state) => state.error);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId, surveyId);
  }, [networkId, surveyId, open]);

  const canManage =
    access?.kind === 'admin' ||
    (phase.kind === 'list' && phase.list.canManage) ||
    (phase.kind === 'survey' && phase.survey.viewer.canManage);
  const home = canManage ? (
    <a href={`/n/${encodeURIComponent(networkId)}`}>{t('surveys.backToNetwork')}</a>
  ) : (
    <a href="/me">{t('surveys.backToHome')}</a>
  );

  return (
    <Page wide={phase.kind === 'list'}>
      <nav className="network-breadcrumb survey-breadcrumb">
        {home}
        {surveyId !== null && canManage && <a href={surveysPath(networkId)}>{t('surveys.backToList')}</a>}
      </nav>
      {phase.kind === 'list' && (
        <header className="card">
          <p className="eyebrow">{t('surveys.eyebrow')}</p>
          <h1>{phase.list.network.name}</h1>
          <p className="lead">{t('surveys.lead')}</p>
        </header>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
        </div>
      )}
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          {phase.error !== 'surveys.error.noToken' && (
            <button type="button" className="button-secondary" onClick={() => void open(networkId, surveyId)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {phase.kind === 'list' && <SurveyListView list={phase.list} />}
      {phase.kind === 'survey' && <SurveyView data={phase.survey} results={phase.results} />}
    </Page>
  );
}
