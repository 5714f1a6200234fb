import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { ForumThreadList } from './ForumThreadList';
import { ForumThreadView } from './ForumThreadView';
import { forumPath, useForumStore } from './forum-store';
import '../ui/network-page.css';
import './forum.css';

/** `/n/<networkId>/forum` and `/n/<networkId>/forum/<threadId>`: a network's forum. */
export function ForumPage({ networkId, threadId }: { networkId: string; threadId: string | null }) {
  const t = useT();
  const open = useForumStore((state) => state.open);
  const phase = useForumStore((state) => state.phase);
  const access = useForumStore((state) => state.access);
  const error = useForumStore((state) => state.error);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId, threadId);
  }, [networkId, threadId, open]);

  const viewer =
    phase.kind === 'list' ? phase.forum.viewer : phase.kind === 'thread' ? phase.thread.viewer : null;
  // The office and the pair run the network from its page; everyone else lives on their home.
  const runsNetwork = access?.kind === 'admin' || viewer?.canConvert === true;
  const networkHref = `/n/${encodeURIComponent(networkId)}`;
  const home = runsNetwork ? (
    <a href={networkHref}>{t('forum.backToNetwork')}</a>
  ) : (
    <a href="/me">{t('forum.backToHome')}</a>
  );

  const network =
    phase.kind === 'list' ? phase.forum.network : phase.kind === 'thread' ? phase.thread.network : null;
  return (
    <Page wide>
      <nav className="network-breadcrumb forum-breadcrumb">
        {home}
        {threadId !== null && <a href={forumPath(networkId)}>{t('forum.backToForum')}</a>}
      </nav>
      {network && (
        <header className="card forum-header">
          <p className="eyebrow">{t('forum.eyebrow')}</p>
          <h1>{network.name}</h1>
          {/* On a thread the thread comes first, on a phone especially. */}
          {threadId === null && <p className="lead">{t('forum.lead')}</p>}
        </header>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
        </div>
      )}
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          {phase.error !== 'forum.error.noToken' && (
            <button type="button" className="button-secondary" onClick={() => void open(networkId, threadId)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {phase.kind === 'list' && <ForumThreadList forum={phase.forum} />}
      {phase.kind === 'thread' && (
        <ForumThreadView
          data={phase.thread}
          meetingHref={(meetingId) => (runsNetwork ? `${networkHref}#meeting-${meetingId}` : '/me')}
        />
      )}
    </Page>
  );
}
