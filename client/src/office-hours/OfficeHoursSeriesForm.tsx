import { OFFICE_HOURS_MAX_SLOTS, type IsoWeekday } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { previewSeries } from './office-hours-draft';
import { slotShortDate } from './office-hours-format';
import { useOfficeHoursStore } from './office-hours-store';

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The pair's "Nowe terminy dyżurów": a weekday, an hour, a rhythm, a period and where, with a preview. */
export function OfficeHoursSeriesForm() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const series = useOfficeHoursStore((state) => state.series);
  const busy = useOfficeHoursStore((state) => state.busy);
  const setSeries = useOfficeHoursStore((state) => state.setSeries);
  const compose = useOfficeHoursStore((state) => state.compose);
  const publish = useOfficeHoursStore((state) => state.publish);
  const preview = previewSeries(series);
  const located = series.where === 'online' ? series.url.trim() !== '' : series.place.trim() !== '';
  const ready = preview.kind === 'slots' && located;

  return (
    <form
      className="card office-hours-series"
      aria-label={t('officeHours.series.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <h2>{t('officeHours.series.heading')}</h2>
      <div className="office-hours-grid">
        <label className="field">
          {t('officeHours.series.weekday')}
          <select
            value={series.weekday}
            onChange={(event) => {
              const day = WEEKDAYS.find((candidate) => String(candidate) === event.target.value);
              if (day) setSeries({ weekday: day });
            }}
          >
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {t(`officeHours.weekday.${day}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('officeHours.series.startTime')}
          <input
            type="time"
            value={series.startTime}
            onChange={(event) => setSeries({ startTime: event.target.value })}
          />
        </label>
        <label className="field">
          {t('officeHours.series.minutes')}
          <input
            type="number"
            min={15}
            max={240}
            step={15}
            value={series.minutes}
            onChange={(event) => setSeries({ minutes: Number(event.target.value) })}
          />
        </label>
        <label className="field">
          {t('officeHours.series.everyWeeks')}
          <input
            type="number"
            min={1}
            max={8}
            value={series.everyWeeks}
            onChange={(event) => setSeries({ everyWeeks: Number(event.target.value) })}
          />
        </label>
        <label className="field">
          {t('officeHours.series.from')}
          <input
            type="date"
            value={series.from}
            onChange={(event) => setSeries({ from: event.target.value })}
          />
        </label>
        <label className="field">
          {t('officeHours.series.to')}
          <input type="date" value={series.to} onChange={(event) => setSeries({ to: event.target.value })} />
        </label>
      </div>
      <p className="muted small">{t('officeHours.series.timeZone')}</p>
      <fieldset className="office-hours-where">
        <legend>{t('officeHours.series.where')}</legend>
        <label>
          <input
            type="radio"
            name="office-hours-where"
            checked={series.where === 'online'}
            onChange={() => setSeries({ where: 'online' })}
          />{' '}
          {t('officeHours.series.online')}
        </label>
        <label>
          <input
            type="radio"
            name="office-hours-where"
            checked={series.where === 'in-person'}
            onChange={() => setSeries({ where: 'in-person' })}
          />{' '}
          {t('officeHours.series.inPerson')}
        </label>
      </fieldset>
      {series.where === 'online' ? (
        <label className="field">
          {t('officeHours.series.url')}
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={series.url}
            onChange={(event) => setSeries({ url: event.target.value })}
          />
        </label>
      ) : (
        <label className="field">
          {t('officeHours.series.place')}
          <input
            value={series.place}
            maxLength={300}
            onChange={(event) => setSeries({ place: event.target.value })}
          />
        </label>
      )}
      <p className="office-hours-preview" data-testid="office-hours-preview" aria-live="polite">
        {preview.kind === 'slots' &&
          t('officeHours.series.preview', {
            count: preview.slots.length,
            first: slotShortDate(preview.slots[0]?.startsAt ?? '', language),
            last: slotShortDate(preview.slots.at(-1)?.startsAt ?? '', language),
          })}
        {preview.kind === 'none' && t('officeHours.series.previewNone')}
        {preview.kind === 'too-many' &&
          t('officeHours.series.previewTooMany', { max: OFFICE_HOURS_MAX_SLOTS })}
      </p>
      <div className="office-hours-actions">
        <button type="submit" className="button-primary" disabled={busy || !ready}>
          {t('officeHours.series.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={() => compose(false)}>
          {t('officeHours.series.cancel')}
        </button>
      </div>
    </form>
  );
}
