import {
  PLAN_ACTION_STATUSES,
  planActionStatusSchema,
  type PlanAction,
  type PlanResponse,
} from '@empiria/shared';
import { useState } from 'react';
import { useLanguageStore, useT } from '../i18n/language-store';
import { PlanActionEdit } from './PlanActionEdit';
import { deadlineDate, meetingDate, warsawDateTime } from './plan-format';

/**
 * One action: its owner city, deadline and status, where it was decided and reviewed, and the
 * history of its status with the meeting of each change. The status is a select for those who may
 * set it (the pair; a representative of the owner city), a pill for everyone else.
 */
export function PlanActionItem({
  action,
  canSetStatus,
  editCities,
  busy,
  onStatus,
}: {
  action: PlanAction;
  canSetStatus: boolean;
  /** The cities an action may belong to, for those who may change it (the pair); null for everyone else. */
  editCities: PlanResponse['cities'] | null;
  busy: boolean;
  onStatus: (status: PlanAction['status']) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const statusId = `plan-status-${action.id}`;
  const [editing, setEditing] = useState(false);
  return (
    <li className="card plan-action" data-testid="plan-action" data-action-id={action.id}>
      <div className="plan-action-head">
        <div>
          <h3 className="plan-action-title">{action.title}</h3>
          <p className="muted small">
            {action.ownerCity} ·{' '}
            {action.deadline ? deadlineDate(action.deadline) : t('plan.actions.noDeadline')}
          </p>
        </div>
        {canSetStatus ? (
          <label className="plan-status-field">
            <span className="small">{t('plan.actions.status')}</span>
            <select
              id={statusId}
              value={action.status}
              disabled={busy}
              data-testid="plan-status"
              onChange={(event) => onStatus(planActionStatusSchema.parse(event.target.value))}
            >
              {PLAN_ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`plan.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className={`pill plan-status plan-status-${action.status}`} data-testid="plan-status-pill">
            {t(`plan.status.${action.status}`)}
          </span>
        )}
      </div>
      {editing && editCities ? (
        <PlanActionEdit action={action} cities={editCities} onDone={() => setEditing(false)} />
      ) : (
        <>
          {action.notes && <p className="plan-text">{action.notes}</p>}
          {editCities && (
            <div className="plan-row">
              <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
                {t('plan.actions.edit')}
              </button>
            </div>
          )}
        </>
      )}
      {action.decidedAt && (
        <p className="small">
          {t('plan.actions.decidedAt')}: „{action.decidedAt.title}” ({meetingDate(action.decidedAt.startsAt)})
        </p>
      )}
      {action.reviewedAt.length > 0 && (
        <p className="small" data-testid="plan-reviewed-at">
          {t('plan.actions.reviewedAt', {
            meetings: action.reviewedAt.map((m) => `„${m.title}” (${meetingDate(m.startsAt)})`).join(', '),
          })}
        </p>
      )}
      <details className="plan-history">
        <summary>{t('plan.actions.history')}</summary>
        <ol data-testid="plan-history">
          {action.history.map((change, index) => (
            <li key={index}>
              {change.from === null
                ? t('plan.actions.created', {
                    when: warsawDateTime(change.at, language),
                    by: change.by,
                    to: t(`plan.status.${change.to}`),
                  })
                : t('plan.actions.changed', {
                    when: warsawDateTime(change.at, language),
                    by: change.by,
                    from: t(`plan.status.${change.from}`),
                    to: t(`plan.status.${change.to}`),
                  })}
              {change.meeting &&
                ` ${t('plan.actions.atMeeting', {
                  meeting: change.meeting.title,
                  date: meetingDate(change.meeting.startsAt),
                })}`}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
