import { useState, type ReactNode } from 'react';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useConnectionStore } from '../session/connection-store';

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
      <DismissableNotice
        key="refused"
        kind="warning"
        role="alert"
        testId="update-refused-notice"
        onDismiss={dismissUpdateRefused}
      >
        {t('board.updateRefused')}
      </DismissableNotice>,
    );
  }
  if (unstorable > unstorableDismissedAt) {
    notices.push(
      <DismissableNotice
        key="unstorable"
        kind="error"
        role="alert"
        testId="unstorable-notice"
        onDismiss={dismissUnstorable}
      >
        {t('board.changeTooLarge')}
      </DismissableNotice>,
    );
  }
  if (setAside > setAsideSeen) {
    notices.push(
      <DismissableNotice
        key="set-aside"
        kind="warning"
        role="status"
        testId="set-aside-notice"
        onDismiss={() => setSetAsideSeen(setAside)}
      >
        {t('board.setAside', { count: setAside })}
      </DismissableNotice>,
    );
  }
  if (maxShapesCount !== null) {
    notices.push(
      <DismissableNotice
        key="max-shapes"
        kind="error"
        role="alert"
        testId="max-shapes-notice"
        onDismiss={dismissMaxShapes}
      >
        {t('board.maxShapes', { count: maxShapesCount })}
      </DismissableNotice>,
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
      <DismissableNotice
        key="broken"
        kind="warning"
        role="status"
        testId="broken-records-notice"
        onDismiss={dismissBroken}
      >
        {t('board.brokenRecords', { count: broken })}
      </DismissableNotice>,
    );
  }
  if (notices.length === 0) return null;
  return <div className="board-notices">{notices}</div>;
}

/** One notice the person can dismiss: a sentence and a quiet "Dismiss". */
function DismissableNotice(props: {
  kind: 'warning' | 'error';
  role: 'status' | 'alert';
  testId: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`notice notice-${props.kind}`} role={props.role} data-testid={props.testId}>
      <span>{props.children}</span>
      <button type="button" className="button-quiet" onClick={props.onDismiss}>
        {t('board.dismiss')}
      </button>
    </div>
  );
}
