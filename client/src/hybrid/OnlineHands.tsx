import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useHybridStore } from './hybrid-store';
import { Icon } from '../ui/icons';
import { isHybrid, onlineHands } from './places';

/**
 * For the facilitator and the expert in a hybrid meeting: the raised hands of people who are
 * online, under the top bar where the eye goes, since nobody in the room can see them. (The
 * console's queue lists every hand; this is the nudge.)
 */
export function OnlineHands() {
  const t = useT();
  const canLead = useStepStore((state) => state.canLead);
  const hands = useStepStore((state) => state.control.hands);
  const places = useHybridStore((state) => state.places);
  if (!canLead || !isHybrid(places)) return null;
  const online = onlineHands(hands, places);
  if (online.length === 0) return null;
  return (
    <div className="hy-card hy-online-hands" role="status" data-testid="online-hands">
      <p className="hy-online-hands-title">
        <Icon name="hand" />
        {t('hands.online.title', { count: online.length })}
      </p>
      <ol>
        {online.map((hand) => (
          <li key={hand.personId} data-person-id={hand.personId}>
            <Icon name="online" size="1em" />
            <strong>{hand.name}</strong> · {hand.city}
          </li>
        ))}
      </ol>
      <p className="hy-muted">{t('hands.online.hint')}</p>
    </div>
  );
}
