import { Component } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';

interface State {
  failed: boolean;
}

/**
 * What a person sees when a page cannot be shown: its code did not load (each page is a chunk of
 * its own, D49: the network dropped, or a new version was deployed in between) or it failed while
 * rendering. A message and a button that loads the page again, instead of a blank window.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('page failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const t = useT();
  return (
    <Page>
      <section className="card" role="alert" data-testid="page-failed">
        <h1>{t('app.pageFailed.title')}</h1>
        <p>{t('app.pageFailed.body')}</p>
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </section>
    </Page>
  );
}
