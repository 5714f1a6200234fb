import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { ArchiveMeetings } from './ArchiveMeetings';
import { ArchiveSearch } from './ArchiveSearch';
import { AttendanceMatrix } from './AttendanceMatrix';
import { useArchiveStore } from './archive-store';
import '../ui/network-page.css';
import './archive.css';

/** `/n/<networkId>/archive`: a network's meetings and approved notes, who came, and search. */
export function ArchivePage({ networkId }: { networkId: string }) {
  const t = useT();
  const open = useArchiveStore((state) => state.open);
  const phase = useArchiveStore((state) => state.phase);
  const access = useArchiveStore((state) => state.access);
  const downloadError = useArchiveStore((state) => state.downloadError);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId);
  }, [networkId, open]);

  const back =
    access?.kind === 'admin' ? (
      <a href={`/n/${encodeURIComponent(networkId)}`}>{t('archive.backToNetwork')}</a>
    ) : (
      <a href="/me">{t('archive.backToHome')}</a>
    );

  if (phase.kind !== 'ready') {
    return (
      <Page wide>
        <nav className="network-breadcrumb">{back}</nav>
        {phase.kind === 'failed' ? (
          <div className="alert alert-error" role="alert">
            <span>{t(phase.error)}</span>
            {phase.error !== 'archive.error.noToken' && (
              <button type="button" className="button-secondary" onClick={() => void open(networkId)}>
                {t('common.retry')}
              </button>
            )}
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Page>
    );
  }

  const { network } = phase.archive;
  return (
    <Page wide>
      <nav className="network-breadcrumb">{back}</nav>
      <header className="card archive-header">
        <p className="eyebrow">{t('archive.eyebrow')}</p>
        <h1>{network.name}</h1>
        <p className="lead">{network.theme}</p>
      </header>
      {downloadError && (
        <div className="alert alert-error" role="alert">
          <span>{t(downloadError)}</span>
        </div>
      )}
      <ArchiveSearch />
      <AttendanceMatrix attendance={phase.archive.attendance} />
      <ArchiveMeetings meetings={phase.archive.meetings} />
    </Page>
  );
}
