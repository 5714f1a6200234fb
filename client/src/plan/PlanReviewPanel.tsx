import { useEffect } from 'react';
import { PLAN_ACTION_STATUSES, planActionStatusSchema } from '@empiria/shared';
import { ownItemKindOf } from '@empiria/formats';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useSession } from '../session/board-context';
import { deadlineDate } from './plan-format';
import { planPath } from './plan-store';
import { usePlanReviewStore } from './plan-review-store';
import './plan.css';

/**
 * "Przegląd planu pracy" in the facilitator's console, on the step of that kind only: the plan's
 * open actions with their owner city and deadline, and a status select each. A change is saved at
 * once and recorded with this board's meeting; an action closed here stays listed until the step ends.
 */
export function PlanReviewPanel() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const session = useSession();
  const review = usePlanReviewStore((state) => state.review);
  const error = usePlanReviewStore((state) => state.error);
  const saving = usePlanReviewStore((state) => state.saving);
  const lastChange = usePlanReviewStore((state) => state.lastChange);
  const load = usePlanReviewStore((state) => state.load);
  const setStatus = usePlanReviewStore((state) => state.setStatus);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  const reviewing = step !== undefined && ownItemKindOf(step.id) === 'plan-review';
  const boardId = session.join.board.id;
  const token = session.join.sessionToken;

  useEffect(() => {
    if (reviewing) void load(boardId, token);
  }, [reviewing, boardId, token, load]);

  if (!reviewing || !session.canLead) return null;
  return (
    <section className="console-section" aria-labelledby="console-plan-review" data-testid="plan-review">
      <h3 id="console-plan-review">{t('plan.review.heading')}</h3>
      <p className="console-hint">{t('plan.review.hint')}</p>
      {error && (
        <p className="console-hint" role="alert">
          {t(error)}
        </p>
      )}
      <p className="console-hint" aria-live="polite" data-testid="plan-review-last">
        {lastChange
          ? t('plan.review.changed', {
              title: lastChange.title,
              status: t(`plan.status.${lastChange.status}`),
            })
          : ''}
      </p>
      {review &&
        (review.actions.length === 0 ? (
          <p className="console-hint">{t('plan.review.none')}</p>
        ) : (
          <ul className="plan-review-list">
            {review.actions.map((action) => (
              <li key={action.id} className="plan-review-item" data-testid="plan-review-action">
                <strong>{action.title}</strong>
                <span className="console-hint">
                  {action.ownerCity} ·{' '}
                  {action.deadline ? deadlineDate(action.deadline) : t('plan.actions.noDeadline')}
                </span>
                <label>
                  <span className="visually-hidden">
                    {t('plan.actions.status')}: {action.title}
                  </span>
                  <select
                    value={action.status}
                    disabled={saving === action.id}
                    onChange={(event) =>
                      void setStatus(
                        boardId,
                        token,
                        action.id,
                        planActionStatusSchema.parse(event.target.value),
                      )
                    }
                  >
                    {PLAN_ACTION_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`plan.status.${status}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
        ))}
      {review && (
        <a href={planPath(review.networkId)} target="_blank" rel="noreferrer" className="small">
          {t('plan.review.openPlan')}
        </a>
      )}
    </section>
  );
}
