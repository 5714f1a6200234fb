import { useState } from 'react';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useConnectionStore } from './connection-store';

/** Problems the person must know about: nothing is dropped silently. */
export function BoardNotices() {
  const t = useT();
  const broken = useConnectionStore((state) => state.brokenRecords);
  const brokenDismissedAt = useConnectionStore((state) => state.brokenDismissedAt);
  const newerSchema = useConnectionStore((state) => state.newerSchema);
  const maxShapesCount = useConnectionStore((state) => state.maxShapesCount);
  const status = useConnectionStore((state) => state.status);
  const pending = useConnectionStore((state) => state.pending);
  const dismissBroken = useConnectionStore((state) => state.dismissBroken);
  const dismissMaxShapes = useConnectionStore((state) => state.dismissMaxShapes);
  const unstorable = useConnectionStore((state) => state.unstorableChanges);
  const unstorableDismissedAt = useConnectionStore((state) => state.unstorableDismissedAt);
  const dismissUnstorable = useConnectionStore((state) => state.dismissUnstorable);
  const updateRefused = useConnectionStore((state) => state.updateRefused);
  const dismissUpdateRefused = useConnectionStore((state) => state.dismissUpdateRefused);
  const setAside = useStepStore((state) => (state.canLead ? (state.control.setAside?.count ?? 0) : 0));
  const [setAsideSeen, setSetAsideSeen] = useState(0);

  const notices = [];
  if (status !== 'connected' && pending > 0) {
    notices.push(
      <div key="offline" className="notice notice-info" role="status">
        {t('status.savedLocally')}
      </div>,
    );
  }
  if (updateRefused) {
    notices.push(
      <div key="refused" className="notice notice-warning" role="alert" data-testid="update-refused-notice">
        <span>{t('board.updateRefused')}</span>
        <button type="button" className="button-quiet" onClick={dismissUpdateRefused}>
          {t('board.dismiss')}
        </button>
      </div>,
    );
  }
  if (unstorable > unstorableDismissedAt) {
    notices.push(
      <div key="unstorable" className="notice notice-error" role="alert" data-testid="unstorable-notice">
        <span>{t('board.changeTooLarge')}</span>
        <button type="button" className="button-quiet" onClick={dismissUnstorable}>
          {t('board.dismiss')}
        </button>
      </div>,
    );
  }
  if (setAside > setAsideSeen) {
    notices.push(
      <div key="set-aside" className="notice notice-warning" role="status" data-testid="set-aside-notice">
        <span>{t('board.setAside', { count: setAside })}</span>
        <button type="button" className="button-quiet" onClick={() => setSetAsideSeen(setAside)}>
          {t('board.dismiss')}
        </button>
      </div>,
    );
  }
  if (maxShapesCount !== null) {
    notices.push(
      <div key="max-shapes" className="notice notice-error" role="alert" data-testid="max-shapes-notice">
        <span>{t('board.maxShapes', { count: maxShapesCount })}</span>
        <button type="button" className="button-quiet" onClick={dismissMaxShapes}>
          {t('board.dismiss')}
        </button>
      </div>,
    );
  }
  if (broken > 0 && newerSchema) {
    notices.push(
      <div key="newer" className="notice notice-warning" role="status" data-testid="newer-version-notice">
        <span>{t('board.newerVersion')}</span>
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          {t('board.reload')}
        </button>
      </div>,
    );
  } else if (broken > brokenDismissedAt) {
    notices.push(
      <div key="broken" className="notice notice-warning" role="status" data-testid="broken-records-notice">
        <span>{t('board.brokenRecords', { count: broken })}</span>
        <button type="button" className="button-quiet" onClick={dismissBroken}>
          {t('board.dismiss')}
        </button>
      </div>,
    );
  }
  if (notices.length === 0) return null;
  return <div className="board-notices">{notices}</div>;
}
