import type { VotingState } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { ballotAct } from '../facilitation/acts';
import { itemText, useEditorValue } from '../facilitation/board-items';
import { useFacilitationStore } from '../facilitation/facilitation-store';
import { voteClick, votesLeft } from '../facilitation/vote-view';
import { useT } from '../i18n/language-store';
import { useSession } from '../session/board-context';
import { useRights } from '../facilitation/use-rights';
import { Icon } from '../ui/icons';

/**
 * The vote of this step on a phone. While open: how many dots are left, and each item to vote on
 * with a button to place a dot and one to take it back — the same acts as a click on the canvas;
 * where no more dot can go, the item says why. Once closed: the ranking, for everyone.
 */
export function PhoneVote({ stepId }: { stepId: string }) {
  const session = useSession();
  const t = useT();
  const voting = useStepStore((state) => state.control.voting);
  const mine = useFacilitationStore((state) => state.myBallots);
  const busy = useFacilitationStore((state) => state.busy);
  const canVote = useRights().canVote;
  const targets = voting?.settings.targets ?? [];
  const texts = useEditorValue(
    'phone vote items',
    (editor) => targets.map((id) => itemText(editor, id)?.text ?? ''),
    [] as string[],
    [targets.join(',')],
  );
  if (!voting || voting.settings.stepId !== stepId) return null;
  if (voting.status === 'closed') return <PhoneVoteResults voting={voting} texts={texts} />;
  if (voting.status !== 'open' || !canVote) return null;
  const own = mine && mine.sessionId === voting.sessionId ? mine.byTarget : {};
  const left = votesLeft(voting, mine);
  return (
    <section className="phone-vote" data-testid="phone-vote" aria-labelledby="phone-vote-heading">
      <h2 id="phone-vote-heading" className="phone-vote-heading">
        {t('vote.openNow')}
        <span className="phone-vote-left" data-testid="phone-votes-left">
          {t('vote.left', { count: left })}
        </span>
      </h2>
      {left === 0 && (
        <p className="phone-vote-hint" data-testid="phone-vote-none-left">
          {t('phone.vote.noneLeft')}
        </p>
      )}
      <ul className="phone-vote-items">
        {targets.map((id, i) => {
          const text = texts[i] || t('room.vote.untitled');
          const dots = own[id] ?? 0;
          const cast = voteClick(voting, mine, id, false);
          // One dot per item (the vote's default): an item with this person's dot says so, and
          // offers to take it back, instead of a button that cannot be pressed.
          const full = !voting.settings.multiplePerItem && dots > 0;
          return (
            <li key={id} className="phone-vote-item" data-testid="phone-vote-item" data-target-id={id}>
              <span className="phone-vote-text">{text}</span>
              {dots > 0 && (
                <span className="phone-vote-mine" data-testid="phone-vote-mine">
                  {full ? (
                    <>
                      <Icon name="check" size="1em" /> {t('phone.vote.onePerItem')}
                    </>
                  ) : (
                    t('phone.vote.mine', { count: dots })
                  )}
                </span>
              )}
              <span className="phone-vote-buttons">
                {dots > 0 && (
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => void ballotAct(session, id, 'withdraw')}
                    disabled={busy[`ballot:${id}`]}
                    aria-label={t('phone.vote.withdrawFrom', { text })}
                    data-testid="phone-vote-withdraw"
                  >
                    {t('phone.vote.withdraw')}
                  </button>
                )}
                {!full && (
                  <button
                    type="button"
                    className="button-primary"
                    onClick={() => void ballotAct(session, id, 'cast')}
                    disabled={cast.kind !== 'cast' || busy[`ballot:${id}`]}
                    aria-label={t('vote.castOn', { text })}
                    data-testid="phone-vote-cast"
                  >
                    {t('phone.vote.cast')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A closed vote: what won, place by place, with its votes (the items nobody voted for, counted). */
function PhoneVoteResults({ voting, texts }: { voting: VotingState; texts: readonly string[] }) {
  const t = useT();
  const textOf = new Map(voting.settings.targets.map((id, i) => [id, texts[i] || t('room.vote.untitled')]));
  const ranking = [...(voting.ranking ?? [])].sort((a, b) => a.place - b.place);
  const voted = ranking.filter((entry) => entry.votes > 0);
  const unvoted = ranking.length - voted.length;
  return (
    <section
      className="phone-vote phone-vote-results"
      data-testid="phone-vote-results"
      aria-labelledby="phone-vote-results-heading"
    >
      <h2 id="phone-vote-results-heading" className="phone-vote-heading">
        {t('vote.results')}
        <span className="phone-vote-left">{t('phone.vote.closed')}</span>
      </h2>
      {voted.length === 0 ? (
        <p className="phone-vote-hint">{t('phone.vote.nobody')}</p>
      ) : (
        <ol className="phone-vote-items">
          {voted.map((entry) => (
            <li
              key={entry.targetId}
              className="phone-vote-item phone-vote-result"
              data-testid="phone-vote-result"
              data-target-id={entry.targetId}
              data-place={entry.place}
            >
              <span className="phone-vote-place" aria-label={t('vote.placeLong', { place: entry.place })}>
                {entry.place}
              </span>
              <span className="phone-vote-result-text">
                {textOf.get(entry.targetId) ?? t('room.vote.untitled')}
              </span>
              <span className="phone-vote-count" data-testid="phone-vote-count">
                {t('vote.votes', { count: entry.votes })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {voted.length > 0 && unvoted > 0 && (
        <p className="phone-vote-hint">{t('phone.vote.unvoted', { count: unvoted })}</p>
      )}
    </section>
  );
}
