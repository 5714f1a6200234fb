import { useEffect } from 'react';
import { useLanguageStore, useT } from '../i18n/language-store';
import { clock, officeHoursPath, slotDate } from './office-hours-format';
import { useHomeOfficeHoursStore } from './home-office-hours-store';
import './office-hours.css';

/**
 * The home's "Dyżury eksperta": the person's own upcoming bookings (a representative), or how many
 * questions are booked (the pair), and the way to the slots. Nothing for those office hours are
 * not for (an observer city's people: the server refuses them).
 */
export function HomeOfficeHours({ networkId, personalToken }: { networkId: string; personalToken: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const summary = useHomeOfficeHoursStore((state) => state.summaries[networkId]);
  const load = useHomeOfficeHoursStore((state) => state.load);

  useEffect(() => {
    void load(networkId, personalToken);
  }, [networkId, personalToken, load]);

  if (!summary) return null;
  return (
    <section className="card home-office-hours" aria-labelledby={`office-hours-${networkId}`}>
      <h3 id={`office-hours-${networkId}`}>
        <a href={officeHoursPath(networkId)} data-testid="home-office-hours-link">
          {t('officeHours.home.link')}
        </a>
      </h3>
      {summary.canAnswer ? (
        <p className="muted">{t('officeHours.home.toAnswer', { count: summary.booked })}</p>
      ) : summary.mine.length === 0 ? (
        <p className="muted">{t('officeHours.home.none')}</p>
      ) : (
        <ul className="home-office-hours-list">
          {summary.mine.map((slot) => (
            <li key={slot.id} data-testid="home-office-hours-booking">
              {t('officeHours.home.booked', {
                time: `${slotDate(slot.startsAt, language)}, ${clock(slot.startsAt)}`,
              })}
              <span className="home-office-hours-question">{slot.question}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
