import type { NetworkDocumentsResponse, NetworkFile, NetworkFileVersion } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatBytes, formatDocumentTime, personLabel } from './network-documents-format';
import { useNetworkDocumentsStore } from './network-documents-store';

/** One file: its name, latest version with who and when, download, and the moderators' acts. */
export function NetworkFileRow({
  file,
  space,
  sharedByFolder,
}: {
  file: NetworkFile;
  space: NetworkDocumentsResponse;
  sharedByFolder: boolean;
}) {
  const t = useT();
  const busy = useNetworkDocumentsStore((state) => state.busy);
  const download = useNetworkDocumentsStore((state) => state.download);
  const shareFile = useNetworkDocumentsStore((state) => state.shareFile);
  const moveFile = useNetworkDocumentsStore((state) => state.moveFile);
  const confirmingDelete = useNetworkDocumentsStore((state) => state.confirmingDelete);
  const askDelete = useNetworkDocumentsStore((state) => state.askDelete);
  const deleteFile = useNetworkDocumentsStore((state) => state.deleteFile);
  const [latest, ...older] = file.versions;
  const { canManage, observer } = space.viewer;
  const live = file.deletedAt === null;
  if (!latest) return null;

  return (
    <li className="documents-file" data-file={file.name}>
      <div className="documents-file-main">
        <span className={`documents-kind documents-kind-${file.kind}`} aria-hidden="true">
          {file.kind.toUpperCase()}
        </span>
        <div className="documents-file-text">
          <span className="documents-file-name">{file.name}</span>
          <VersionLine version={latest} />
          {!observer && live && (file.sharedWithObservers || sharedByFolder) && (
            <span className="pill documents-shared">
              {t(file.sharedWithObservers ? 'documents.file.shared' : 'documents.file.sharedByFolder')}
            </span>
          )}
        </div>
        <button
          type="button"
          className="button-secondary"
          aria-label={t('documents.file.downloadNamed', { name: file.name })}
          onClick={() => void download(file, null)}
        >
          {t('documents.file.download')}
        </button>
      </div>
      {older.length > 0 && (
        <details className="documents-versions">
          <summary>
            {t('documents.file.olderVersions')} ·{' '}
            {t('documents.file.versions', { count: file.versions.length })}
          </summary>
          <ul>
            {older.map((version) => (
              <li key={version.version}>
                <VersionLine version={version} />
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => void download(file, version.version)}
                >
                  {t('documents.file.download')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canManage && live && (
        <div className="documents-file-actions">
          <button
            type="button"
            className="button-secondary"
            aria-pressed={file.sharedWithObservers}
            disabled={busy}
            onClick={() => void shareFile(file.id, !file.sharedWithObservers)}
          >
            {t(file.sharedWithObservers ? 'documents.file.unshare' : 'documents.file.share')}
          </button>
          {space.folders.length > 0 && (
            <label className="documents-move">
              {t('documents.file.moveTo')}
              <select
                value={file.folderId ?? ''}
                disabled={busy}
                onChange={(event) => void moveFile(file.id, event.target.value || null)}
              >
                <option value="">{t('documents.upload.top')}</option>
                {space.folders.map((folder) => (
                  <option key={folder.id} value={folder.id}>
                    {folder.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="button-quiet" disabled={busy} onClick={() => askDelete(file.id)}>
            {t('documents.file.delete')}
          </button>
        </div>
      )}
      {confirmingDelete === file.id && (
        <div className="documents-confirm" role="alertdialog" aria-label={t('documents.file.delete')}>
          <p>{t('documents.file.confirmDelete', { name: file.name })}</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => void deleteFile(file.id)}
            >
              {t('documents.file.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => askDelete(null)}>
              {t('documents.file.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** "wersja 2 · 1,2 MB · Ala Nowak (Gdynia), 15 mar 2027, 10:05". */
function VersionLine({ version }: { version: NetworkFileVersion }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const who = personLabel(version.uploadedBy) ?? t('documents.file.office');
  return (
    <span className="documents-version muted small">
      {t('documents.file.version', { version: version.version })} · {formatBytes(language, version.bytes)} ·{' '}
      {t('documents.file.uploadedBy', { who, when: formatDocumentTime(language, version.uploadedAt) })}
    </span>
  );
}
