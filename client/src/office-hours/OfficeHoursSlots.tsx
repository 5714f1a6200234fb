import type { OfficeHoursResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { OfficeHoursSeriesForm } from './OfficeHoursSeriesForm';
import { OfficeHoursSlotCard } from './OfficeHoursSlotCard';
import { useOfficeHoursStore } from './office-hours-store';

/** The slots, oldest first: those to come, and past ones with a booking the reader sees (to answer, to read). */
export function OfficeHoursSlots({ data }: { data: OfficeHoursResponse }) {
  const t = useT();
  const composing = useOfficeHoursStore((state) => state.composing);
  const compose = useOfficeHoursStore((state) => state.compose);
  const published = useOfficeHoursStore((state) => state.published);
  const { viewer } = data;

  return (
    <>
      {viewer.canPublish && !composing && (
        <div className="office-hours-toolbar">
          <button type="button" className="button-primary" onClick={() => compose(true)}>
            {t('officeHours.series.open')}
          </button>
        </div>
      )}
      {viewer.personId === null && <p className="muted">{t('officeHours.officeReads')}</p>}
      {composing && <OfficeHoursSeriesForm />}
      {published !== null && (
        <p className="alert office-hours-notice" role="status">
          {t('officeHours.series.published', { count: published })}
        </p>
      )}
      {data.slots.length === 0 ? (
        <p className="card muted">
          {t(viewer.canPublish ? 'officeHours.slots.emptyPair' : 'officeHours.slots.empty')}
        </p>
      ) : (
        <ul className="office-hours-slots">
          {data.slots.map((slot) => (
            <OfficeHoursSlotCard key={slot.id} slot={slot} viewer={viewer} />
          ))}
        </ul>
      )}
    </>
  );
}
