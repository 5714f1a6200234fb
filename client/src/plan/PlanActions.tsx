import { PLAN_NOTES_MAX, PLAN_TITLE_MAX, type PlanResponse } from '@empiria/shared';
import { useState } from 'react';
import { useT } from '../i18n/language-store';
import { PlanActionItem } from './PlanActionItem';
import { meetingDate } from './plan-format';
import { usePlanStore } from './plan-store';

/** The plan's actions, and for the pair "Dodaj działanie": title, owner city, deadline, notes, where decided. */
export function PlanActions({ plan }: { plan: PlanResponse }) {
  const t = useT();
  const busy = usePlanStore((state) => state.busy);
  const setStatus = usePlanStore((state) => state.setStatus);
  const statusCities = new Set(plan.viewer.statusCityIds);
  const [adding, setAdding] = useState(false);

  return (
    <section className="plan-actions" aria-labelledby="plan-actions-heading">
      <div className="plan-row plan-actions-header">
        <h2 id="plan-actions-heading">{t('plan.actions.heading')}</h2>
        {plan.viewer.canEdit && !adding && (
          <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
            {t('plan.actions.add')}
          </button>
        )}
      </div>
      {adding && <NewActionForm plan={plan} onDone={() => setAdding(false)} />}
      {plan.actions.length === 0 ? (
        <p className="muted">{t('plan.actions.none')}</p>
      ) : (
        <ul className="plan-action-list">
          {plan.actions.map((action) => (
            <PlanActionItem
              key={action.id}
              action={action}
              busy={busy}
              canSetStatus={statusCities.has(action.ownerCityId)}
              editCities={plan.viewer.canEdit ? plan.cities : null}
              onStatus={(status) => void setStatus(action.id, status)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function NewActionForm({ plan, onDone }: { plan: PlanResponse; onDone: () => void }) {
  const t = useT();
  const draft = usePlanStore((state) => state.actionDraft);
  const busy = usePlanStore((state) => state.busy);
  const setDraft = usePlanStore((state) => state.setActionDraft);
  const addAction = usePlanStore((state) => state.addAction);
  return (
    <form
      className="card plan-new-action"
      aria-label={t('plan.actions.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void addAction().then((added) => {
          if (added) onDone();
        });
      }}
    >
      <label className="field">
        {t('plan.actions.title')}
        <input
          value={draft.title}
          maxLength={PLAN_TITLE_MAX}
          required
          onChange={(event) => setDraft({ title: event.target.value })}
        />
      </label>
      <div className="plan-form-grid">
        <label className="field">
          {t('plan.actions.owner')}
          <select
            value={draft.ownerCityId}
            onChange={(event) => setDraft({ ownerCityId: event.target.value })}
          >
            <option value="">{t('plan.actions.ownerChoose')}</option>
            {plan.cities.map((city) => (
              <option key={city.cityId} value={city.cityId}>
                {city.city}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('plan.actions.deadline')}
          <input
            type="date"
            value={draft.deadline}
            onChange={(event) => setDraft({ deadline: event.target.value })}
          />
        </label>
        <label className="field">
          {t('plan.actions.decidedAt')}
          <select
            value={draft.decidedAtMeetingId}
            onChange={(event) => setDraft({ decidedAtMeetingId: event.target.value })}
          >
            <option value="">{t('plan.actions.decidedAtNone')}</option>
            {plan.meetings.map((meeting) => (
              <option key={meeting.meetingId} value={meeting.meetingId}>
                {meeting.title} ({meetingDate(meeting.startsAt)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        {t('plan.actions.notes')}
        <textarea
          rows={2}
          value={draft.notes}
          maxLength={PLAN_NOTES_MAX}
          onChange={(event) => setDraft({ notes: event.target.value })}
        />
      </label>
      <div className="plan-row">
        <button type="submit" className="button-primary" disabled={busy || draft.title.trim() === ''}>
          {t('plan.actions.add')}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
