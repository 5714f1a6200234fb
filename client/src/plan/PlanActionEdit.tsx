import { PLAN_NOTES_MAX, PLAN_TITLE_MAX, type PlanAction, type PlanResponse } from '@empiria/shared';
import { useState } from 'react';
import { useT } from '../i18n/language-store';
import { usePlanStore } from './plan-store';

/** The pair's "Zmień" on an action: its title, owner city, deadline and notes ([W1]); the status has its own select. */
export function PlanActionEdit({
  action,
  cities,
  onDone,
}: {
  action: PlanAction;
  cities: PlanResponse['cities'];
  onDone: () => void;
}) {
  const t = useT();
  const busy = usePlanStore((state) => state.busy);
  const editAction = usePlanStore((state) => state.editAction);
  const [draft, setDraft] = useState({
    title: action.title,
    ownerCityId: action.ownerCityId,
    deadline: action.deadline ?? '',
    notes: action.notes,
  });
  return (
    <form
      className="plan-edit-action"
      aria-label={`${t('plan.actions.edit')}: ${action.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        void editAction(action.id, draft).then((saved) => {
          if (saved) onDone();
        });
      }}
    >
      <label className="field">
        {t('plan.actions.title')}
        <input
          value={draft.title}
          maxLength={PLAN_TITLE_MAX}
          required
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </label>
      <div className="plan-form-grid">
        <label className="field">
          {t('plan.actions.owner')}
          <select
            value={draft.ownerCityId}
            onChange={(event) => setDraft({ ...draft, ownerCityId: event.target.value })}
          >
            {cities.map((city) => (
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
            onChange={(event) => setDraft({ ...draft, deadline: event.target.value })}
          />
        </label>
      </div>
      <label className="field">
        {t('plan.actions.notes')}
        <textarea
          rows={2}
          value={draft.notes}
          maxLength={PLAN_NOTES_MAX}
          onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
        />
      </label>
      <div className="plan-row">
        <button type="submit" className="button-primary" disabled={busy || draft.title.trim() === ''}>
          {t('plan.actions.saveEdit')}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
