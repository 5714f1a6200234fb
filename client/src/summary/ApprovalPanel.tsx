import { useState } from 'react';
import type { ApprovalRule, ApprovalState, MessageKey } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { AskOnce } from './AskOnce';
import { useSummaryStore } from './summary-store';
import { GroupSharing } from './GroupSharing';
import { GuestApprovalNote } from '../guest/GuestApprovalNote';
import { approvalTally, noteStatus, type ApprovalTally, type NoteStatus } from './summary-view';

const STATUS_TEXT: Record<NoteStatus, MessageKey> = {
  draft: 'approval.status.draft',
  voting: 'approval.status.voting',
  'voting-changed': 'approval.status.votingChanged',
  approved: 'approval.status.approved',
  'changed-after-approval': 'approval.status.changedAfterApproval',
  'not-approved': 'approval.status.notApproved',
};

/** The note's status for everyone, as a short label (top of the screen) — with words, not only colour. */
export function useNoteStatus(): NoteStatus {
  return useSummaryStore((state) =>
    noteStatus(state.snapshot?.content.approval ?? null, state.snapshot?.content.hash ?? null),
  );
}

function useTime() {
  const language = useLanguageStore((state) => state.language);
  return (at: number) =>
    new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      // The meeting's wall clock, as the exports print it (docs/summary.md), wherever the reader is.
      timeZone: 'Europe/Warsaw',
    }).format(at);
}

/** The approval round: its status and tally for all, the pair's moves, each representative's decision. */
export function ApprovalPanel() {
  const t = useT();
  const time = useTime();
  const approval = useSummaryStore((state) => state.snapshot?.content.approval ?? null);
  const session = useSummaryStore((state) => state.session);
  const status = useNoteStatus();
  if (!session) return null;
  const tally = approval ? approvalTally(approval, session.personId) : null;
  const warn = status === 'voting-changed' || status === 'changed-after-approval';
  return (
    <section className="summary-card approval" aria-labelledby="approval-heading" data-testid="approval">
      <h3 id="approval-heading">{t('approval.heading')}</h3>
      <p
        className={warn ? 'approval-status alert alert-warning' : `approval-status approval-status-${status}`}
        data-testid="approval-status"
        data-status={status}
      >
        {t(STATUS_TEXT[status], {
          rule: approval ? t(`approval.rule.${approval.rule}.short`) : '',
          time: approval ? time(approval.closedAt ?? approval.openedAt) : '',
        })}
      </p>
      {approval && tally && <Tally approval={approval} tally={tally} />}
      {session.canWrite && <LeadMoves approval={approval} tally={tally} />}
      {session.decides && approval?.status === 'open' && tally && <MyDecision tally={tally} />}
      <GuestApprovalNote roundOpen={approval?.status === 'open'} />
      {approval && approval.status !== 'not-approved' && <GroupSharing approval={approval} tally={tally} />}
    </section>
  );
}

function Tally({ approval, tally }: { approval: ApprovalState; tally: ApprovalTally }) {
  const t = useT();
  const total = Math.max(tally.eligibleCount, 1);
  return (
    <div className="tally" data-testid="approval-tally" aria-live="polite">
      <p className="tally-line">
        <strong>
          {t('approval.tally.approved', { count: tally.approvals.length, total: tally.eligibleCount })}
        </strong>
        {tally.objections.length > 0 && (
          <>
            {' · '}
            <strong className="tally-objections">
              {t('approval.tally.objections', { count: tally.objections.length })}
            </strong>
          </>
        )}
      </p>
      <div className="tally-bar" aria-hidden="true">
        <span className="tally-bar-approve" style={{ width: `${(100 * tally.approvals.length) / total}%` }} />
        <span className="tally-bar-object" style={{ width: `${(100 * tally.objections.length) / total}%` }} />
      </div>
      <ul className="tally-people">
        {tally.approvals.map((d) => (
          <li key={d.personId} className="tally-approve">
            <span aria-hidden="true">✓</span> {t('approval.person.approved', { name: d.name, city: d.city })}
          </li>
        ))}
        {tally.objections.map((d) => (
          <li key={d.personId} className="tally-object">
            <span aria-hidden="true">✗</span> {t('approval.person.objected', { name: d.name, city: d.city })}
            {d.reason && <q className="tally-reason">{d.reason}</q>}
          </li>
        ))}
        {approval.status === 'open' &&
          tally.undecided.map((e) => (
            <li key={e.personId} className="tally-waiting">
              <span aria-hidden="true">…</span> {t('approval.person.waiting', { name: e.name, city: e.city })}
            </li>
          ))}
      </ul>
      <p className="muted small">{t(`approval.rule.${approval.rule}.explain`)}</p>
    </div>
  );
}

function LeadMoves({ approval, tally }: { approval: ApprovalState | null; tally: ApprovalTally | null }) {
  const t = useT();
  const [rule, setRule] = useState<ApprovalRule>('consent');
  const busy = useSummaryStore((state) => state.busy);
  const empty = useSummaryStore((state) => (state.snapshot?.content.blocks.length ?? 0) === 0);
  const status = useNoteStatus();
  const freeze = useSummaryStore((state) => state.freeze);
  const closeRound = useSummaryStore((state) => state.closeRound);

  if (approval?.status === 'open' && tally) {
    return (
      <div className="lead-moves">
        <AskOnce
          label={t('approval.close')}
          question={t('approval.closeQuestion')}
          detail={
            <p>
              {t(`approval.closeDetail.${approval.rule}`, {
                approvals: tally.approvals.length,
                objections: tally.objections.length,
              })}
            </p>
          }
          confirmLabel={t('approval.closeConfirm')}
          onConfirm={closeRound}
          disabled={busy.close ?? false}
          className="button-secondary"
          testId="approval-close"
        />
      </div>
    );
  }
  if (status === 'approved') return null;
  return (
    <div className="lead-moves">
      <fieldset className="rule-choice">
        <legend>{t('approval.ruleLegend')}</legend>
        {(['consent', 'majority'] as const).map((value) => (
          <label key={value} className="rule-option">
            <input
              type="radio"
              name="approval-rule"
              checked={rule === value}
              onChange={() => setRule(value)}
            />
            <span>
              <strong>{t(`approval.rule.${value}.short`)}</strong>
              <span className="muted small"> — {t(`approval.rule.${value}.explain`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {empty && <p className="muted small">{t('approval.emptyNote')}</p>}
      <AskOnce
        label={t('approval.freeze')}
        question={t('approval.freezeQuestion')}
        detail={
          <>
            <p>{t(`approval.rule.${rule}.explain`)}</p>
            <p>{t('approval.freezeDetail')}</p>
          </>
        }
        confirmLabel={t('approval.freezeConfirm')}
        onConfirm={() => freeze(rule)}
        disabled={empty || (busy.freeze ?? false)}
        testId="approval-freeze"
      />
    </div>
  );
}

function MyDecision({ tally }: { tally: ApprovalTally }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const busy = useSummaryStore((state) => state.busy.decide ?? false);
  const decide = useSummaryStore((state) => state.decide);
  const status = useNoteStatus();
  const mine = tally.mine;
  return (
    <div className="my-decision" data-testid="my-decision">
      <h4>{t('approval.mine.heading')}</h4>
      {status === 'voting-changed' && <p className="muted small">{t('approval.mine.changedHint')}</p>}
      {mine?.decision === 'approve' ? (
        <p className="decision-done" data-testid="my-decision-done">
          <span aria-hidden="true">✓</span> {t('approval.mine.approved')}
        </p>
      ) : (
        <>
          {mine?.decision === 'object' && (
            <p className="decision-objected">
              {t('approval.mine.objected')} <q>{mine.reason}</q>
            </p>
          )}
          <AskOnce
            label={mine ? t('approval.withdraw') : t('approval.approve')}
            question={mine ? t('approval.withdrawQuestion') : t('approval.approveQuestion')}
            detail={<p>{t('approval.approveDetail')}</p>}
            confirmLabel={mine ? t('approval.withdrawConfirm') : t('approval.approveConfirm')}
            onConfirm={() => decide('approve')}
            disabled={busy}
            className="button-primary button-large"
            testId="approve"
          />
          {!mine && (
            <form
              className="objection"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim()) void decide('object', reason.trim());
              }}
            >
              <label className="field">
                <span>{t('approval.objectReason')}</span>
                <textarea
                  name="objection-reason"
                  value={reason}
                  maxLength={2000}
                  rows={3}
                  onChange={(event) => setReason(event.target.value)}
                  placeholder={t('approval.objectPlaceholder')}
                />
              </label>
              <button
                type="submit"
                className="button-secondary"
                disabled={busy || reason.trim() === ''}
                data-testid="object"
              >
                {t('approval.object')}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
