import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useClockStore } from '../clock/clock-store';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { useTimerView } from './TimerChip';
import { votesLeft } from './vote-view';
import { voteClosedNoticeUntil } from './vote-closed-notice';
import { useRerenderAt } from '../ui/use-rerender-at';
import { useRights } from './use-rights';
import { usePrivateWriting } from './use-private-writing';

/**
 * What is going on, over the top of the canvas where everyone looks: private writing (with my
 * own count), an open vote (with my votes left), following someone's view (with the way back),
 * time's up. And a short notice after an act (a refusal in plain words, a summon).
 */
export function ActivityBanners() {
  const ref = useRef<HTMLDivElement>(null);
  useBannerHeight(ref);
  return (
    <div className="activity-banners" aria-live="polite" ref={ref}>
      <TimeUpBanner />
      <PrivateWritingBanner />
      <VotingBanner />
      <FollowBanner />
      <NoticeToast />
    </div>
  );
}

function TimeUpBanner() {
  const t = useT();
  const view = useTimerView();
  if (view.phase !== 'elapsed') return null;
  return (
    <div className="activity-banner banner-time-up" role="alert" data-testid="time-up">
      <Icon name="timer" />
      <strong>{t('timer.elapsed')}</strong>
    </div>
  );
}

function PrivateWritingBanner() {
  const t = useT();
  const writing = usePrivateWriting();
  if (!writing) return null;
  const { round, writer, mine, unsent } = writing;
  const counts = t('private.everyone', {
    notes: t('private.notes', { count: round.noteCount }),
    writers: t('private.writers', { count: round.writerCount }),
  });
  return (
    <div className="activity-banner banner-private" data-testid="private-banner">
      <Icon name="lock" />
      <span className="banner-text">
        <strong>{writer ? t('private.banner') : t('private.bannerLead')}</strong>
        <span className="banner-detail">
          {mine > 0 && <>{t('private.mine', { count: mine })} </>}
          {counts}
          {unsent > 0 && <span className="banner-warning"> · {t('private.unsent', { count: unsent })}</span>}
        </span>
      </span>
    </div>
  );
}

function VotingBanner() {
  const t = useT();
  const voting = useStepStore((state) => state.control.voting);
  const step = useStepStore((state) => state.control.step);
  const rights = useRights();
  const mine = useFacilitationStore((state) => state.myBallots);
  // The results stay on the sheet for the summary; the banner says so briefly right after the
  // close, and goes when its time is up or the group moves on.
  // On the server's clock, as the close was stamped: a laptop whose clock is off sees it too.
  const offset = useClockStore((state) => state.offset);
  const closedUntil = voteClosedNoticeUntil(voting, step, Date.now() + offset);
  useRerenderAt(closedUntil === null ? null : closedUntil - offset);
  if (!voting) return null;
  if (voting.status === 'closed') {
    return closedUntil !== null ? (
      <div className="activity-banner banner-vote" data-testid="vote-closed-banner">
        <Icon name="dot" />
        <strong>{t('vote.closedBanner')}</strong>
      </div>
    ) : null;
  }
  const left = votesLeft(voting, mine);
  return (
    <div className="activity-banner banner-vote" data-testid="vote-banner">
      <Icon name="dot" />
      <span className="banner-text">
        <strong>
          {rights.canVote ? t('vote.banner') : rights.canWork ? t('guest.voteBanner') : t('vote.openNow')}
        </strong>
        {rights.canLead && <span className="banner-detail">{t('vote.bannerLead')}</span>}
      </span>
      {rights.canVote && (
        <span
          className={`votes-left${left === 0 ? ' is-empty' : ''}`}
          data-testid="votes-left"
          data-left={left}
        >
          {Array.from({ length: voting.settings.votesPerPerson }, (_, i) => (
            <span key={i} className={i < left ? 'vote-pip' : 'vote-pip is-used'} aria-hidden="true" />
          ))}
          {t('vote.left', { count: left })}
        </span>
      )}
    </div>
  );
}

function FollowBanner() {
  const t = useT();
  const follow = useFacilitationStore((state) => state.follow);
  const visible = useFacilitationStore((state) => state.leaderVisible);
  const dispatch = useFacilitationStore((state) => state.dispatchFollow);
  if (follow.mode === 'idle') return null;
  const name = follow.leader.name;
  return (
    <div className="activity-banner banner-follow" data-testid="follow-banner" data-mode={follow.mode}>
      <Icon name="follow" />
      <span className="banner-text">
        <strong>
          {follow.mode === 'following'
            ? visible
              ? t('follow.following', { name })
              : t('follow.waiting', { name })
            : follow.source === 'group'
              ? t('follow.leading', { name })
              : t('follow.awayHint')}
        </strong>
      </span>
      {follow.mode === 'away' && (
        <button
          type="button"
          className="button-primary"
          onClick={() => dispatch({ type: 'return' })}
          data-testid="follow-return"
        >
          <Icon name="back" />
          {follow.source === 'group' ? t('follow.returnLead') : t('follow.returnPerson', { name })}
        </button>
      )}
      {follow.source === 'personal' && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => dispatch({ type: 'stop' })}
          data-testid="follow-stop"
        >
          {t('follow.stop')}
        </button>
      )}
    </div>
  );
}

function NoticeToast() {
  const t = useT();
  const notice = useFacilitationStore((state) => state.notice);
  const dismiss = useFacilitationStore((state) => state.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismiss(notice.id), notice.tone === 'error' ? 7000 : 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div
      className={`activity-banner fac-notice fac-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="fac-notice"
      data-tone={notice.tone}
    >
      <span className="banner-text">{t(notice.key, notice.params)}</span>
      <button
        type="button"
        className="button-quiet"
        onClick={() => dismiss(notice.id)}
        aria-label={t('board.dismiss')}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

/**
 * Publishes the banners' height as `--empiria-banners-h` on the body, so other notes pinned to the
 * top of the canvas (the step's "Back to the group") sit below them instead of under them.
 */
function useBannerHeight(ref: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const body = document.body;
    const update = () => {
      const height = element.offsetHeight;
      body.classList.toggle('empiria-banners-on', height > 0);
      body.style.setProperty('--empiria-banners-h', `${height}px`);
    };
    const observer = new ResizeObserver(update);
    observer.observe(element);
    update();
    return () => {
      observer.disconnect();
      body.classList.remove('empiria-banners-on');
      body.style.removeProperty('--empiria-banners-h');
    };
  }, [ref]);
}
