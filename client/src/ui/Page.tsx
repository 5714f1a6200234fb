import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useT } from '../i18n/language-store';

/** The frame of every screen outside the board: the brand, the language switch, the content. */
export function Page({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            E
          </span>
          <span className="brand-text">
            <strong>{t('app.name')}</strong>
            <span>{t('app.tagline')}</span>
          </span>
        </div>
        <LanguageSwitcher />
      </header>
      <main className={wide ? 'page-main page-main-wide' : 'page-main'}>{children}</main>
    </div>
  );
}
