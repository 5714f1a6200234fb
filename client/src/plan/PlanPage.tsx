import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Page } from '../ui/Page';
import { PlanActions } from './PlanActions';
import { PlanSectionEditor } from './PlanSectionEditor';
import { usePlanLiveStore } from './plan-live-store';
import { usePlanStore } from './plan-store';
import '../ui/network-page.css';
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

  const token = usePlanStore((state) => state.token);
  const connect = usePlanLiveStore((state) => state.connect);
  const disconnect = usePlanLiveStore((state) => state.disconnect);
  const liveStatus = usePlanLiveStore((state) => state.status);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId);
  }, [networkId, open]);

  const plan = phase.kind === 'ready' ? phase.plan : null;
  const canWrite = plan?.viewer.canWrite === true;
  // The writers share the sections' document while the page is open ([W6], D19).
  useEffect(() => {
    if (!canWrite || !token) return;
    connect(networkId, token);
    return () => disconnect();
  }, [canWrite, token, networkId, connect, disconnect]);

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
            {canWrite ? (
              <div className="plan-live-row">
                <p className="muted small">{t('plan.live.hint')}</p>
                {liveStatus && <ConnectionBadge status={liveStatus} />}
              </div>
            ) : (
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
            <PlanSectionEditor key={section.id} section={section} canWrite={canWrite} />
          ))}
          <PlanActions plan={plan} />
        </>
      )}
    </Page>
  );
}
