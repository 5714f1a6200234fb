import { useEffect } from 'react';
import type { NetworkDocumentsResponse, NetworkFile } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { NetworkDocumentsUpload } from './NetworkDocumentsUpload';
import { NetworkFileRow } from './NetworkFileRow';
import { formatDocumentTime } from './network-documents-format';
import { useNetworkDocumentsStore } from './network-documents-store';
import '../ui/network-page.css';
import './network-documents.css';

/** `/n/<networkId>/documents`: a network's document space. */
export function NetworkDocumentsPage({ networkId }: { networkId: string }) {
  const t = useT();
  const open = useNetworkDocumentsStore((state) => state.open);
  const phase = useNetworkDocumentsStore((state) => state.phase);
  const access = useNetworkDocumentsStore((state) => state.access);
  const error = useNetworkDocumentsStore((state) => state.error);
  const notice = useNetworkDocumentsStore((state) => state.notice);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId);
  }, [networkId, open]);

  const space = phase.kind === 'ready' ? phase.space : null;
  // Those who manage the space run the network from its page; everyone else lives on their home.
  const back =
    access?.kind === 'admin' || space?.viewer.canManage === true ? (
      <a href={`/n/${encodeURIComponent(networkId)}`}>{t('documents.backToNetwork')}</a>
    ) : (
      <a href="/me">{t('documents.backToHome')}</a>
    );

  return (
    <Page wide>
      <nav className="network-breadcrumb">{back}</nav>
      {space && (
        <header className="card">
          <p className="eyebrow">{t('documents.eyebrow')}</p>
          <h1>{space.network.name}</h1>
          <p className="lead">{t(space.viewer.observer ? 'documents.leadObserver' : 'documents.lead')}</p>
        </header>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error.key, error.params)}</span>
        </div>
      )}
      {notice && (
        <p className="documents-notice" role="status">
          {t(notice.key, notice.params)}
        </p>
      )}
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          {phase.error !== 'documents.error.noToken' && (
            <button type="button" className="button-secondary" onClick={() => void open(networkId)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {space && <DocumentSpace space={space} />}
    </Page>
  );
}

function DocumentSpace({ space }: { space: NetworkDocumentsResponse }) {
  const t = useT();
  const live = space.files.filter((file) => file.deletedAt === null);
  const deleted = space.files.filter((file) => file.deletedAt !== null);
  const inFolder = (folderId: string | null) => live.filter((file) => file.folderId === folderId);
  const topLevel = inFolder(null);

  return (
    <>
      {space.viewer.canUpload && <NetworkDocumentsUpload space={space} />}
      {space.viewer.canManage && <NewFolderForm />}
      {live.length === 0 && space.folders.length === 0 && (
        <p className="card muted">
          {t(space.viewer.observer ? 'documents.emptyObserver' : 'documents.empty')}
        </p>
      )}
      {space.folders.map((folder) => (
        <section key={folder.id} className="card documents-folder" data-folder={folder.name}>
          <div className="documents-folder-head">
            <h2>{folder.name}</h2>
            {space.viewer.canManage ? (
              <FolderShareToggle folderId={folder.id} shared={folder.sharedWithObservers} />
            ) : (
              folder.sharedWithObservers &&
              !space.viewer.observer && (
                <span className="pill documents-shared">{t('documents.folder.shared')}</span>
              )
            )}
          </div>
          <FileList files={inFolder(folder.id)} space={space} sharedByFolder={folder.sharedWithObservers} />
        </section>
      ))}
      {topLevel.length > 0 && (
        <section className="card documents-folder">
          {space.folders.length > 0 && <h2>{t('documents.folder.top')}</h2>}
          <FileList files={topLevel} space={space} sharedByFolder={false} />
        </section>
      )}
      {deleted.length > 0 && <DeletedFiles files={deleted} />}
    </>
  );
}

function FileList({
  files,
  space,
  sharedByFolder,
}: {
  files: NetworkFile[];
  space: NetworkDocumentsResponse;
  sharedByFolder: boolean;
}) {
  const t = useT();
  if (files.length === 0) return <p className="muted">{t('documents.folder.empty')}</p>;
  return (
    <ul className="documents-files">
      {files.map((file) => (
        <NetworkFileRow key={file.id} file={file} space={space} sharedByFolder={sharedByFolder} />
      ))}
    </ul>
  );
}

function FolderShareToggle({ folderId, shared }: { folderId: string; shared: boolean }) {
  const t = useT();
  const busy = useNetworkDocumentsStore((state) => state.busy);
  const shareFolder = useNetworkDocumentsStore((state) => state.shareFolder);
  return (
    <button
      type="button"
      className="button-secondary"
      aria-pressed={shared}
      disabled={busy}
      onClick={() => void shareFolder(folderId, !shared)}
    >
      {t(shared ? 'documents.folder.unshare' : 'documents.folder.share')}
    </button>
  );
}

function NewFolderForm() {
  const t = useT();
  const name = useNetworkDocumentsStore((state) => state.newFolderName);
  const setName = useNetworkDocumentsStore((state) => state.setNewFolderName);
  const createFolder = useNetworkDocumentsStore((state) => state.createFolder);
  const busy = useNetworkDocumentsStore((state) => state.busy);
  return (
    <form
      className="card documents-new-folder"
      onSubmit={(event) => {
        event.preventDefault();
        void createFolder();
      }}
    >
      <label className="field field-grow">
        {t('documents.folder.new')}
        <input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" className="button-secondary" disabled={busy || name.trim() === ''}>
        {t('documents.folder.create')}
      </button>
    </form>
  );
}

function DeletedFiles({ files }: { files: NetworkFile[] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const download = useNetworkDocumentsStore((state) => state.download);
  return (
    <details className="card documents-deleted">
      <summary>
        {t('documents.deleted.heading')} ({files.length})
      </summary>
      <p className="muted small">{t('documents.deleted.hint')}</p>
      <ul className="documents-files">
        {files.map((file) => (
          <li key={file.id} className="documents-file documents-file-deleted">
            <div className="documents-file-main">
              <div className="documents-file-text">
                <span className="documents-file-name">{file.name}</span>
                <span className="muted small">
                  {t('documents.deleted.at', { when: formatDocumentTime(language, file.deletedAt ?? '') })}
                </span>
              </div>
              <button type="button" className="button-quiet" onClick={() => void download(file, null)}>
                {t('documents.file.download')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
