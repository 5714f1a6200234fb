import { useRef, useState } from 'react';
import type { NetworkDocumentsResponse } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatBytes } from './network-documents-format';
import { MAX_MB, useNetworkDocumentsStore } from './network-documents-store';

/** What the picker offers: the kinds the server takes (it checks the bytes whatever is picked). */
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp';

/** Adding files: drop them on the zone or pick them (a phone opens its file chooser), into a folder. */
export function NetworkDocumentsUpload({ space }: { space: NetworkDocumentsResponse }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const busy = useNetworkDocumentsStore((state) => state.busy);
  const sending = useNetworkDocumentsStore((state) => state.sending);
  const upload = useNetworkDocumentsStore((state) => state.upload);
  const folderId = useNetworkDocumentsStore((state) => state.uploadFolderId);
  const setFolder = useNetworkDocumentsStore((state) => state.setUploadFolder);
  const picker = useRef<HTMLInputElement>(null);
  // Only how the zone looks while something is dragged over it.
  const [over, setOver] = useState(false);

  return (
    <section className="card documents-upload" aria-labelledby="documents-upload-heading">
      <h2 id="documents-upload-heading">{t('documents.upload.heading')}</h2>
      {space.folders.length > 0 && (
        <label className="field documents-target">
          {t('documents.upload.into')}
          <select value={folderId ?? ''} onChange={(event) => setFolder(event.target.value || null)}>
            <option value="">{t('documents.upload.top')}</option>
            {space.folders.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div
        className={`documents-drop${over ? ' documents-drop-over' : ''}`}
        data-testid="documents-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          void upload([...event.dataTransfer.files]);
        }}
      >
        <span>{t('documents.upload.drop')}</span>
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          {t('documents.upload.pick')}
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          data-testid="documents-picker"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void upload(files);
          }}
        />
      </div>
      <p className="muted small">{t('documents.upload.hint', { max: MAX_MB })}</p>
      {sending && (
        <p className="muted" role="status">
          {t('documents.upload.sending', { name: sending })}
        </p>
      )}
      {space.usage && (
        <p className="muted small">
          {t('documents.usage', {
            used: formatBytes(language, space.usage.bytes),
            quota: formatBytes(language, space.usage.quotaBytes),
          })}
        </p>
      )}
    </section>
  );
}
