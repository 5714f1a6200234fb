import { useStepStore } from '../control/step-store';
import { formatDuration } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { lowerHandAct } from './acts';
import { useServerNow } from '../clock/clock-store';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { useSession } from '../session/board-context';

/** Raised hands, oldest first: name, city, how long they have waited; the lead lowers them. */
export function HandsQueue() {
  const session = useSession();
  const t = useT();
  const hands = useStepStore((state) => state.control.hands);
  const busy = useFacilitationStore((state) => state.busy);
  const now = useServerNow(15_000);
  if (hands.length === 0) {
    return (
      <p className="console-hands-none console-muted" data-testid="hands-queue">
        <Icon name="hand" /> {t('hands.empty')}
      </p>
    );
  }
  return (
    <section
      className="console-section hands hands-waiting"
      aria-labelledby="console-hands"
      data-testid="hands-queue"
    >
      <h3 id="console-hands">
        <Icon name="hand" /> {t('hands.heading')}
        <span className="count">{hands.length}</span>
      </h3>
      <ol className="hands-list">
        {hands.map((hand) => {
          const minutes = Math.floor(Math.max(0, now - hand.raisedAt) / 60_000);
          return (
            <li key={hand.personId} className="hand-item" data-person-id={hand.personId}>
              <span className="hand-who">
                <strong>{hand.name}</strong>
                <span>
                  {hand.city} ·{' '}
                  {minutes < 1
                    ? t('hands.justNow')
                    : t('hands.waiting', { duration: formatDuration(t, minutes) })}
                </span>
              </span>
              <button
                type="button"
                className="button-secondary"
                disabled={busy[`lower:${hand.personId}`] ?? false}
                onClick={() => void lowerHandAct(session, hand.personId)}
                aria-label={t('hands.lowerAria', { name: hand.name })}
              >
                {t('hands.lower')}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
