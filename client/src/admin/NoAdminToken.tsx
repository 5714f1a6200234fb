import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';

/** Shown at `/` without an admin token: what this page is and how to get in. */
export function NoAdminToken() {
  const t = useT();
  return (
    <Page>
      <section className="card" data-testid="no-admin-token">
        <h1>{t('admin.noToken.title')}</h1>
        <p>{t('admin.noToken.body')}</p>
        <p className="muted">{t('admin.noToken.hint')}</p>
        <p className="note">{t('admin.noToken.participant')}</p>
      </section>
    </Page>
  );
}
