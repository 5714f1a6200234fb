import { useState } from 'react';
import type { RankingEntry } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { closeVoteAct, openVoteAct } from './acts';
import { itemText, useEditorValue, voteCandidates } from './board-items';
import { useFacilitationStore } from './facilitation-store';
import { pickVoteTargets } from './vote-view';
import { useSession } from '../session/board-context';

/**
 * Open a vote on the current sheet's items (or the selected ones), watch it, close it, rank. A
 * vote belongs to its step: on a later step the console offers a new vote, and the earlier result
 * stays one click away, named by its step (the room display has let it go).
 */
export function VotingControls() {
  const t = useT();
  const local = useLocalized();
  const voting = useStepStore((state) => state.control.voting);
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const [freshAfter, setFreshAfter] = useState<string | null>(null);
  const voteIndex = voting?.settings.stepId
    ? (format?.steps.findIndex((step) => step.id === voting.settings.stepId) ?? -1)
    : -1;
  const voteStep = voteIndex >= 0 ? format?.steps[voteIndex] : undefined;
  // A vote on a blank board, or on a step the format no longer has, belongs to where we are.
  const earlier = voteStep !== undefined && voteIndex !== currentIndex ? voteStep : undefined;
  const fromStep = earlier ? t('vote.fromStep', { number: voteIndex + 1, title: local(earlier.title) }) : '';
  const open = voting?.status === 'open';
  const closedHere = voting?.status === 'closed' && !earlier && freshAfter !== voting.sessionId;
  return (
    <section
      className="console-section"
      aria-labelledby="console-vote"
      data-testid="console-vote"
      data-vote-step={voteStep?.id ?? ''}
    >
      <h3 id="console-vote">
        {currentIndex !== null && format?.steps[currentIndex]
          ? t('vote.stepHeading', { number: currentIndex + 1 })
          : t('vote.heading')}
      </h3>
      {open ? (
        <>
          {earlier && (
            <p className="console-hint" data-testid="vote-from-step">
              {fromStep}
            </p>
          )}
          <OpenVote />
        </>
      ) : closedHere ? (
        <>
          <Ranking ranking={voting.ranking ?? []} />
          <button
            type="button"
            className="button-secondary"
            onClick={() => setFreshAfter(voting.sessionId)}
            data-testid="vote-new"
          >
            {t('vote.new')}
          </button>
        </>
      ) : (
        <>
          <VoteSetup key={currentIndex ?? -1} />
          {voting?.status === 'closed' && earlier && (
            <details className="vote-earlier" data-testid="vote-earlier">
              <summary className="console-hint">
                {t('vote.earlierResults', { number: voteIndex + 1, title: local(earlier.title) })}
              </summary>
              <Ranking ranking={voting.ranking ?? []} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

function VoteSetup() {
  const session = useSession();
  const t = useT();
  const busy = useFacilitationStore((state) => state.busy.vote ?? false);
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const planned = format && currentIndex !== null ? format.steps[currentIndex]?.votesPerPerson : undefined;
  const [votesPerPerson, setVotes] = useState(planned ?? 3);
  const [multiplePerItem, setMultiple] = useState(false);
  const [anonymous, setAnonymous] = useState(true);
  const [results, setResults] = useState<'closed' | 'live'>('closed');
  const sheet =
    format && currentIndex !== null && format.steps.length > 0
      ? (layoutOf(format).sheets[currentIndex] ?? null)
      : null;
  const selection = useEditorValue(
    'vote selection',
    (editor) => editor.getSelectedShapeIds(),
    [] as string[],
  );
  const targets = useEditorValue(
    'vote targets',
    (editor) => pickVoteTargets(voteCandidates(editor), sheet, editor.getSelectedShapeIds()),
    [] as string[],
    [sheet],
  );
  const fromSelection = selection.some((id) => targets.includes(id));
  return (
    <form
      className="vote-setup"
      onSubmit={(event) => {
        event.preventDefault();
        if (targets.length === 0) return;
        void openVoteAct(session, { targets, votesPerPerson, multiplePerItem, anonymous, results });
      }}
    >
      <p className="console-hint" data-testid="vote-targets">
        {targets.length === 0
          ? t('vote.targetsNone')
          : fromSelection
            ? t('vote.targetsSelected', { count: targets.length })
            : t('vote.targetsSheet', { count: targets.length })}
      </p>
      {targets.length > 0 && (
        <>
          <label className="console-field">
            <span>{t('vote.perPerson')}</span>
            <input
              type="number"
              min={1}
              max={20}
              value={votesPerPerson}
              onChange={(event) => setVotes(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
              data-testid="vote-per-person"
            />
          </label>
          <label className="console-check">
            <input
              type="checkbox"
              checked={multiplePerItem}
              onChange={(event) => setMultiple(event.target.checked)}
            />
            <span>{t('vote.multiple')}</span>
          </label>
          <div className="console-choice" role="radiogroup">
            <label>
              <input type="radio" name="vote-anon" checked={anonymous} onChange={() => setAnonymous(true)} />
              <span>{t('vote.anonymous')}</span>
            </label>
            <label>
              <input
                type="radio"
                name="vote-anon"
                checked={!anonymous}
                onChange={() => setAnonymous(false)}
              />
              <span>{t('vote.named')}</span>
            </label>
          </div>
          <div className="console-choice" role="radiogroup">
            <label>
              <input
                type="radio"
                name="vote-results"
                checked={results === 'closed'}
                onChange={() => setResults('closed')}
              />
              <span>{t('vote.resultsClosed')}</span>
            </label>
            <label>
              <input
                type="radio"
                name="vote-results"
                checked={results === 'live'}
                onChange={() => setResults('live')}
              />
              <span>{t('vote.resultsLive')}</span>
            </label>
          </div>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || targets.length === 0}
            data-testid="vote-open"
          >
            {t('vote.open')}
          </button>
        </>
      )}
    </form>
  );
}

function OpenVote() {
  const session = useSession();
  const t = useT();
  const voting = useStepStore((state) => state.control.voting);
  const busy = useFacilitationStore((state) => state.busy.vote ?? false);
  const [asking, setAsking] = useState(false);
  if (!voting) return null;
  return (
    <>
      <p className="console-status console-status-live" role="status" data-testid="vote-status">
        <span className="live-dot" aria-hidden="true" />
        <span>
          <strong>{t('vote.openNow')}</strong> · {t('vote.voters', { count: voting.voterCount })}
        </span>
      </p>
      {voting.ranking && <Ranking ranking={voting.ranking} live />}
      {asking ? (
        <div className="confirm" role="alertdialog" aria-labelledby="close-vote-question">
          <p id="close-vote-question">
            <strong>{t('vote.closeQuestion')}</strong>
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button-primary"
              autoFocus
              disabled={busy}
              onClick={() => {
                setAsking(false);
                void closeVoteAct(session);
              }}
              data-testid="vote-close-confirm"
            >
              {t('vote.closeConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => setAsking(true)}
          data-testid="vote-close"
        >
          {t('vote.close')}
        </button>
      )}
    </>
  );
}

/** The ranked list: place, what the item says, votes (and voters, in a named vote). */
export function Ranking({ ranking, live = false }: { ranking: RankingEntry[]; live?: boolean }) {
  const t = useT();
  const labels = useEditorValue(
    'ranking labels',
    (editor) => ranking.map((entry) => itemText(editor, entry.targetId)),
    ranking.map(() => null),
    [ranking],
  );
  return (
    <ol
      className={`ranking${live ? ' ranking-live' : ''}`}
      aria-label={t('vote.results')}
      data-testid="vote-ranking"
    >
      {ranking.map((entry, i) => {
        const label = labels[i];
        const text = !label
          ? t('vote.untitled')
          : label.kind === 'cluster'
            ? t('vote.cluster', { name: label.text || t('cluster.defaultName') })
            : label.text || t('vote.untitled');
        return (
          <li
            key={entry.targetId}
            className={`ranking-item${entry.place <= 3 && entry.votes > 0 ? ' is-top' : ''}`}
            data-target-id={entry.targetId}
          >
            <span className="ranking-place" aria-label={t('vote.placeLong', { place: entry.place })}>
              {entry.place}
            </span>
            <span className="ranking-text">
              {text}
              {entry.voters && entry.voters.length > 0 && (
                <span className="ranking-voters">{entry.voters.map((voter) => voter.name).join(', ')}</span>
              )}
            </span>
            <span className="ranking-votes">{t('vote.votes', { count: entry.votes })}</span>
          </li>
        );
      })}
    </ol>
  );
}
