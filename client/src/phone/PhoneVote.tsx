import { useStepStore } from '../control/step-store';
import { ballotAct } from '../facilitation/acts';
import { itemText, useEditorValue } from '../facilitation/board-items';
import { useFacilitationStore } from '../facilitation/facilitation-store';
import { voteClick, votesLeft } from '../facilitation/vote-view';
import { useT } from '../i18n/language-store';
import { useSession } from '../session/board-context';
import { useRights } from '../facilitation/use-rights';

/**
 * The open vote of this step on a phone: how many dots are left, and each item to vote on with a
 * button to place a dot and one to take it back — the same acts as a click on the canvas.
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
  if (!voting || voting.status !== 'open' || voting.settings.stepId !== stepId || !canVote) return null;
  const own = mine && mine.sessionId === voting.sessionId ? mine.byTarget : {};
  return (
    <section className="phone-vote" data-testid="phone-vote" aria-labelledby="phone-vote-heading">
      <h2 id="phone-vote-heading" className="phone-vote-heading">
        {t('vote.openNow')}
        <span className="phone-vote-left" data-testid="phone-votes-left">
          {t('vote.left', { count: votesLeft(voting, mine) })}
        </span>
      </h2>
      <ul className="phone-vote-items">
        {targets.map((id, i) => {
          const text = texts[i] || t('room.vote.untitled');
          const dots = own[id] ?? 0;
          const cast = voteClick(voting, mine, id, false);
          return (
            <li key={id} className="phone-vote-item" data-testid="phone-vote-item" data-target-id={id}>
              <span className="phone-vote-text">{text}</span>
              {dots > 0 && (
                <span className="phone-vote-mine" data-testid="phone-vote-mine">
                  {t('phone.vote.mine', { count: dots })}
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
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
