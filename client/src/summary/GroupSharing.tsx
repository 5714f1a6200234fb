import { useState } from 'react';
import { SHARING_AUDIENCES, type ApprovalState, type SharingDecision } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useSummaryStore } from './summary-store';
import { groupSharing, type ApprovalTally } from './summary-view';

type Answer = 'yes' | 'no' | null;
const answerOf = (value: boolean | undefined): Answer => (value === undefined ? null : value ? 'yes' : 'no');

/**
 * The group's consent to share the round's version (docs/summary.md, [S1]–[S5]): for the network's
 * observers and for publication, who said yes, who said no, who has not answered, and what the
 * group decided — live, from the summary document — and, for those who took part in the approval,
 * their own answer.
 */
export function GroupSharing({ approval, tally }: { approval: ApprovalState; tally: ApprovalTally | null }) {
  const t = useT();
  const session = useSummaryStore((state) => state.session);
  const decisions = groupSharing(approval);
  const needed = decisions.observers;
  return (
    <div className="sharing" data-testid="sharing">
      <h4>{t('shareConsent.heading')}</h4>
      <p className="muted small">{t('shareConsent.intro')}</p>
      <p className="small" data-testid="sharing-rule">
        {approval.rule === 'consent'
          ? t('shareConsent.rule.consent', { count: needed.needed })
          : t('shareConsent.rule.majority', { count: needed.needed, voters: needed.voters.length })}
      </p>
      {approval.status !== 'approved' && <p className="muted small">{t('shareConsent.afterApproval')}</p>}
      {SHARING_AUDIENCES.map((audience) => (
        <AudienceTally key={audience} approval={approval} decision={decisions[audience]} />
      ))}
      {session?.decides && tally && <MyAnswer approval={approval} tally={tally} />}
    </div>
  );
}

function AudienceTally({ approval, decision }: { approval: ApprovalState; decision: SharingDecision }) {
  const t = useT();
  const who = new Map(approval.decisions.map((d) => [d.personId, d]));
  const person = (id: string) => ({ name: who.get(id)?.name ?? id, city: who.get(id)?.city ?? '' });
  const mark = { shared: '✓', refused: '✗', undecided: '…' }[decision.state];
  return (
    <section
      className={`sharing-audience sharing-${decision.state}`}
      data-testid={`sharing-${decision.audience}`}
      data-state={decision.state}
      aria-live="polite"
    >
      <h5>{t(`shareConsent.audience.${decision.audience}`)}</h5>
      <p
        className="sharing-state"
        data-testid={decision.audience === 'observers' ? 'shared-state' : undefined}
        data-state={decision.state}
      >
        <span aria-hidden="true">{mark}</span>{' '}
        {t(`shareConsent.state.${decision.state}.${decision.audience}`)}
      </p>
      <p className="small">
        {t('shareConsent.count', {
          agreed: decision.agreed.length,
          objected: decision.objected.length,
          waiting: decision.waiting.length,
        })}
      </p>
      <ul className="tally-people">
        {decision.agreed.map((id) => (
          <li key={id} className="tally-approve">
            <span aria-hidden="true">✓</span> {t('shareConsent.person.agreed', person(id))}
          </li>
        ))}
        {decision.objected.map((id) => (
          <li key={id} className="tally-object">
            <span aria-hidden="true">✗</span> {t('shareConsent.person.objected', person(id))}
          </li>
        ))}
        {decision.waiting.map((id) => (
          <li key={id} className="tally-waiting">
            <span aria-hidden="true">…</span> {t('shareConsent.person.waiting', person(id))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MyAnswer({ approval, tally }: { approval: ApprovalState; tally: ApprovalTally }) {
  const t = useT();
  const busy = useSummaryStore((state) => state.busy.consent ?? false);
  const consent = useSummaryStore((state) => state.consent);
  const mine = tally.consent.mine;
  const [observers, setObservers] = useState<Answer>(answerOf(mine?.observers));
  const [publicly, setPublicly] = useState<Answer>(answerOf(mine?.public));
  if (!tally.consent.mayAnswer) {
    // Only a round member who took part in the approval answers ([I6]); say why, not nothing.
    if (!tally.asked) return null;
    return (
      <p className="muted small" data-testid="sharing-not-yours">
        {approval.status === 'open' ? t('shareConsent.decideFirst') : t('shareConsent.notInApproval')}
      </p>
    );
  }
  const complete = observers !== null && publicly !== null;
  return (
    <form
      className="consent-form"
      data-testid="my-sharing-answer"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) void consent(observers === 'yes', publicly === 'yes');
      }}
    >
      <h5>{t('shareConsent.mine.heading')}</h5>
      <YesNo
        name="consent-observers"
        legend={t('shareConsent.mine.observers')}
        value={observers}
        onChange={setObservers}
      />
      <YesNo
        name="consent-public"
        legend={t('shareConsent.mine.public')}
        value={publicly}
        onChange={setPublicly}
      />
      <button
        type="submit"
        className="button-secondary"
        disabled={busy || !complete}
        data-testid="consent-save"
      >
        {mine ? t('shareConsent.update') : t('shareConsent.save')}
      </button>
      {!complete && <p className="muted small">{t('shareConsent.chooseBoth')}</p>}
    </form>
  );
}

function YesNo({
  name,
  legend,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  value: Answer;
  onChange: (answer: Answer) => void;
}) {
  const t = useT();
  return (
    <fieldset className="yes-no">
      <legend>{legend}</legend>
      {(['yes', 'no'] as const).map((answer) => (
        <label key={answer} className="check">
          <input
            type="radio"
            name={name}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
          />
          {t(answer === 'yes' ? 'shareConsent.yes' : 'shareConsent.no')}
        </label>
      ))}
    </fieldset>
  );
}
