import { getFormat } from '@empiria/formats';
import { addLocalMinutes, type Agenda } from '@empiria/shared';
import { formatDuration, useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { clockTime } from './meeting-time';

/** The meeting's agenda as a timetable: when each item starts, what it is, how long it takes. */
export function AgendaItems({ startsAt, agenda }: { startsAt: string; agenda: Agenda }) {
  const t = useT();
  const localized = useLocalized();
  let at = startsAt;
  return (
    <ol className="home-agenda">
      {agenda.map((item, index) => {
        const start = at;
        at = addLocalMinutes(at, item.minutes);
        const title =
          item.kind === 'step'
            ? (() => {
                const step = getFormat(item.format)?.steps.find((s) => s.id === item.stepId);
                return step ? localized(step.title) : item.stepId;
              })()
            : item.title || t(`network.agenda.${item.kind}`);
        return (
          <li key={index}>
            <span className="home-agenda-time">{clockTime(start)}</span>
            <span className="home-agenda-title">{title}</span>
            <span className="muted">{formatDuration(t, item.minutes)}</span>
          </li>
        );
      })}
    </ol>
  );
}
