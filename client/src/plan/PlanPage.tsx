import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../networks/network-token';
import { Page } from '../ui/Page';
import { PlanActions } from './PlanActions';
import { PlanSectionEditor } from './PlanSectionEditor';
import { usePlanStore } from './plan-store';
import '../networks/network-page.css';
import './plan.css';

/** `/n/<networkId>/plan`: the network's work plan — nine sections, then the actions. */
export function PlanPage({ networkId }: { networkId: string }) {
  const t = useT();
  const open = usePlanStore((state) => state.open);
  const phase = usePlanStore((state) => state.phase);
  const office = usePlanStore((state) => state.office);
  const error = usePlanStore((state) => state.error);
  const seeded = usePlanStore((state) => state.seeded);
  const busy = usePlanStore((state) => state.busy);
  const seed = usePlanStore((state) => state.seed);
  const download = usePlanStore((state) => state.download);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId);
  }, [networkId, open]);

  const plan = phase.kind === 'ready' ? phase.plan : null;
  // The office and the pair run the network from its page; everyone else lives on their home.
  const runsNetwork = office || plan?.viewer.canEdit === true;
  return (
    <Page wide>
      <nav className="network-breadcrumb">
        {runsNetwork ? (
          <a href={`/n/${encodeURIComponent(networkId)}`}>{t('plan.backToNetwork')}</a>
        ) : (
          <a href="/me">{t('plan.backToHome')}</a>
        )}
      </nav>
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          <button type="button" className="button-secondary" onClick={() => void open(networkId)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {plan && (
        <>
          <header className="card plan-header">
            <p className="eyebrow">{t('plan.eyebrow')}</p>
            <h1>{plan.network.name}</h1>
            <p className="lead">{t('plan.lead')}</p>
            {!plan.viewer.canEdit && (
              <p className="muted small">{office ? t('plan.officeReads') : t('plan.readOnly')}</p>
            )}
            <div className="plan-row">
              <button type="button" className="button-secondary" onClick={() => void download()}>
                {t('plan.exportDocx')}
              </button>
              {plan.viewer.canEdit && (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  aria-describedby="plan-seed-hint"
                  onClick={() => void seed()}
                >
                  {t('plan.seed')}
                </button>
              )}
            </div>
            {plan.viewer.canEdit && (
              <p id="plan-seed-hint" className="muted small">
                {t('plan.seedHint')}
              </p>
            )}
          </header>
          {error && (
            <div className="alert alert-error" role="alert">
              <span>{t(error)}</span>
            </div>
          )}
          {seeded && (
            <div className="alert plan-seeded" role="status">
              <span>
                {t('plan.seeded', { sections: seeded.map((id) => t(`plan.section.${id}`)).join('; ') })}
              </span>
            </div>
          )}
          {plan.sections.map((section) => (
            <PlanSectionEditor key={section.id} section={section} canEdit={plan.viewer.canEdit} />
          ))}
          <PlanActions plan={plan} />
        </>
      )}
    </Page>
  );
}
