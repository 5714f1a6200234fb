import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { forumPath } from '../forum/forum-store';
import { networkPageToken } from '../session/network-token';
import { useForumUnreadStore } from '../forum/forum-unread-store';
import '../forum/forum.css';

/**
 * "Forum sieci · 2 nowe wpisy": the way into a network's forum, with the posts the person has not
 * read ([F5]). Counted with a personal link only: the office keeps no read marks.
 */
export function ForumUnreadLink({
  networkId,
  personalToken,
}: {
  networkId: string;
  personalToken: string | null;
}) {
  const t = useT();
  const unread = useForumUnreadStore((state) => state.unread[networkId] ?? 0);
  const load = useForumUnreadStore((state) => state.load);

  useEffect(() => {
    if (personalToken) void load(networkId, personalToken);
  }, [networkId, personalToken, load]);

  return (
    <a href={forumPath(networkId)} className="forum-home-link" data-testid="forum-link">
      {t('forum.home.link')}
      {unread > 0 && (
        <span className="pill forum-unread" data-testid="forum-unread">
          {t('forum.home.unread', { count: unread })}
        </span>
      )}
    </a>
  );
}

/** The same link on the network page, opened with the page's token (a personal link counts; the office's does not). */
export function ForumNetworkPageLink({ networkId }: { networkId: string }) {
  const access = networkPageToken(networkId);
  return (
    <ForumUnreadLink
      networkId={networkId}
      personalToken={access?.kind === 'personal' ? access.token : null}
    />
  );
}
