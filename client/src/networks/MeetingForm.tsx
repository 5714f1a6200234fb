import type { FormEvent } from 'react';
import { MEETING_MODES, meetingModeSchema } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { AgendaEditor } from './AgendaEditor';
import { FieldError } from './FieldError';
import { useMeetingDraftStore } from './meeting-draft-store';
import { NONE, useNetworkStore } from './network-store';

/**
 * "Zaplanuj spotkanie" and a planned meeting's changes. The organiser may change only where and how
 * it happens — host city, venue, room, catering (N3): everything else is shown but disabled.
 */
export function MeetingForm() {
  const t = useT();
  const editing = useMeetingDraftStore((state) => state.editing);
  const fields = useMeetingDraftStore((state) => state.fields);
  const errors = useMeetingDraftStore((state) => state.errors);
  const saving = useMeetingDraftStore((state) => state.saving);
  const suggestion = useMeetingDraftStore((state) => state.suggestion);
  const setField = useMeetingDraftStore((state) => state.setField);
  const save = useMeetingDraftStore((state) => state.save);
  const close = useMeetingDraftStore((state) => state.close);
  const mayPlan = useNetworkStore((state) => state.may('meetings.plan'));
  const cities = (useNetworkStore((state) => state.detail?.members) ?? NONE).map((member) => member.city);
  if (!editing) return null;
  const online = fields.mode === 'online';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form
      className="network-form meeting-form"
      aria-label={editing.kind === 'new' ? t('networkAdmin.meetings.plan') : t('networkAdmin.meetings.edit')}
      onSubmit={onSubmit}
      noValidate
    >
      <h3>
        {editing.kind === 'new'
          ? t('networkAdmin.meetings.plan')
          : t('networkAdmin.meetings.editing', { title: editing.meeting.title })}
      </h3>
      {!mayPlan && <p className="alert alert-warning">{t('networkAdmin.meeting.organiserHint')}</p>}
      <div className="network-form-row">
        <label className="field field-grow">
          <span>{t('networkAdmin.meeting.title')}</span>
          <input
            name="title"
            value={fields.title}
            maxLength={200}
            disabled={!mayPlan}
            placeholder={t('networkAdmin.meeting.titlePlaceholder')}
            aria-invalid={errors.title ? true : undefined}
            onChange={(event) => setField('title', event.target.value)}
          />
          <FieldError error={errors.title} />
        </label>
        <label className="field">
          <span>{t('networkAdmin.meeting.startsAt')}</span>
          <input
            name="startsAt"
            type="datetime-local"
            value={fields.startsAt}
            disabled={!mayPlan}
            aria-invalid={errors.startsAt ? true : undefined}
            onChange={(event) => setField('startsAt', event.target.value)}
          />
          <FieldError error={errors.startsAt} />
        </label>
        <label className="field">
          <span>{t('networkAdmin.meeting.mode')}</span>
          <select
            name="mode"
            value={fields.mode}
            disabled={!mayPlan}
            onChange={(event) => setField('mode', meetingModeSchema.parse(event.target.value))}
          >
            {MEETING_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`record.mode.${mode}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="network-form-row">
        <label className="field">
          <span>{t('networkAdmin.meeting.hostCity')}</span>
          <select
            name="hostCity"
            value={fields.hostCity}
            disabled={online}
            aria-invalid={errors.hostCity ? true : undefined}
            onChange={(event) => setField('hostCity', event.target.value)}
          >
            <option value="">
              {online ? t('networkAdmin.meeting.noHostOnline') : t('networkAdmin.meeting.noHost')}
            </option>
            {cities.map((city) => (
              <option key={city} value={city}>
                {city}
              </option>
            ))}
          </select>
          {suggestion?.city && !online && (
            <small className="muted">
              {t('networkAdmin.meeting.suggestion', { city: suggestion.city, count: suggestion.hosted })}
            </small>
          )}
          <FieldError error={errors.hostCity} />
        </label>
        <label className="field field-grow">
          <span>{t('networkAdmin.meeting.venue')}</span>
          <input
            name="venue"
            value={fields.venue}
            maxLength={300}
            placeholder={t('networkAdmin.meeting.venuePlaceholder')}
            onChange={(event) => setField('venue', event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('networkAdmin.meeting.room')}</span>
          <input
            name="room"
            value={fields.room}
            maxLength={200}
            onChange={(event) => setField('room', event.target.value)}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('networkAdmin.meeting.cateringNotes')}</span>
        <textarea
          name="cateringNotes"
          rows={2}
          maxLength={2000}
          value={fields.cateringNotes}
          placeholder={t('networkAdmin.meeting.cateringPlaceholder')}
          onChange={(event) => setField('cateringNotes', event.target.value)}
        />
      </label>
      <AgendaEditor readOnly={!mayPlan} />
      <FieldError error={errors.form} />
      <div className="network-form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {editing.kind === 'new' ? t('networkAdmin.meeting.create') : t('networkAdmin.save')}
        </button>
        <button type="button" className="button-quiet" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
