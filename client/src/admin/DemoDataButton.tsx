import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';
import { useDemoStore } from './demo-store';

/**
 * "Wczytaj dane demonstracyjne" on the admin home (issue #11, item 7): one click, then a
 * confirmation saying what will be created; never loaded without it.
 */
export function DemoDataButton() {
  const t = useT();
  const token = useAdminStore((state) => state.token);
  const status = useDemoStore((state) => state.status);
  const ask = useDemoStore((state) => state.ask);
  const cancel = useDemoStore((state) => state.cancel);
  const load = useDemoStore((state) => state.load);
  if (!token) return null;

  return (
    <section className="card demo-data" aria-labelledby="demo-data-heading">
      <h2 id="demo-data-heading">{t('demo.load.heading')}</h2>
      <p className="muted">{t('demo.load.hint')}</p>
      {status.kind === 'confirming' ? (
        <div
          className="confirm"
          // The shared confirm box is indented under an invite row's label; here it has none.
          style={{ marginLeft: 0 }}
          role="alertdialog"
          aria-label={t('demo.load.button')}
        >
          <p>{t('demo.load.confirm')}</p>
          <div className="confirm-actions">
            <button type="button" className="button-primary" onClick={() => void load(token)}>
              {t('demo.load.button')}
            </button>
            <button type="button" className="button-quiet" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-secondary" disabled={status.kind === 'loading'} onClick={ask}>
          {status.kind === 'loading' ? t('demo.load.loading') : t('demo.load.button')}
        </button>
      )}
      {status.kind === 'done' && (
        <p className="invite-note invite-note-ok" role="status">
          {t('demo.load.done', { count: status.networks })}
        </p>
      )}
      {status.kind === 'already' && (
        <p className="network-error" role="alert">
          {t('demo.load.already')}
        </p>
      )}
      {status.kind === 'error' && (
        <p className="network-error" role="alert">
          {t('demo.load.error', { message: status.message })}
        </p>
      )}
    </section>
  );
}
