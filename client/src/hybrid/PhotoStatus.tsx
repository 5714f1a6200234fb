import type { TLShapeId } from 'tldraw';
import { useBoardEditor } from '../session/board-context';
import { useT } from '../i18n/language-store';
import { dismissPhoto } from './hybrid-acts';
import { useHybridStore } from './hybrid-store';
import { Icon } from '../ui/icons';

/** Under the "Sala" button: the photo on its way (progress), then where it went or why not. */
export function PhotoStatus({ onAnother }: { onAnother: () => void }) {
  const t = useT();
  const photo = useHybridStore((state) => state.photo);
  const editor = useBoardEditor();
  if (photo.phase === 'idle') return null;

  const show = () => {
    if (photo.phase !== 'done' || !editor) return;
    const bounds = editor.getShapePageBounds(`shape:photo-${photo.photo.id}` as TLShapeId);
    if (bounds) editor.zoomToBounds(bounds, { animation: { duration: 300 }, inset: 40 });
    dismissPhoto();
  };

  return (
    <div
      className={`hy-card hy-photo-status is-${photo.phase}`}
      role={photo.phase === 'failed' ? 'alert' : 'status'}
      aria-live="polite"
      data-testid="photo-status"
      data-phase={photo.phase}
    >
      {(photo.phase === 'preparing' || photo.phase === 'uploading') && (
        <>
          <p>
            <Icon name="camera" />
            {photo.phase === 'preparing'
              ? t('photo.preparing')
              : t('photo.uploading', { percent: Math.round(photo.share * 100) })}
          </p>
          <progress
            className="hy-progress"
            max={1}
            value={photo.phase === 'uploading' ? photo.share : undefined}
          />
        </>
      )}
      {photo.phase === 'done' && (
        <>
          <p>
            <Icon name="check" />
            {t('photo.done')}
          </p>
          <div className="hy-card-actions">
            <button type="button" className="button-secondary" onClick={show}>
              {t('photo.show')}
            </button>
            <button type="button" className="button-quiet" onClick={dismissPhoto}>
              {t('photo.dismiss')}
            </button>
          </div>
        </>
      )}
      {photo.phase === 'failed' && (
        <>
          <p>
            <Icon name="alert" />
            {t(`photo.error.${photo.problem}`)}
          </p>
          <div className="hy-card-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                dismissPhoto();
                onAnother();
              }}
            >
              {t('photo.another')}
            </button>
            <button type="button" className="button-quiet" onClick={dismissPhoto}>
              {t('photo.dismiss')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
