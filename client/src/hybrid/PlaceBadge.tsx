import type { Location } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useHybridStore } from './hybrid-store';
import { Icon } from '../ui/icons';

/** Where a person is, as an icon and a word ("na sali" / "on-line"); nothing when not said. */
export function PlaceBadge({ where }: { where: Location | null | undefined }) {
  const t = useT();
  if (!where) return null;
  return (
    <span className={`hy-place hy-place-${where}`} data-testid="person-place" data-place={where}>
      <Icon name={where === 'room' ? 'room' : 'online'} size="1em" />
      {t(where === 'room' ? 'place.badgeRoom' : 'place.badgeOnline')}
    </span>
  );
}

/** The place of one person on this board (for the people list, the hands queue…). */
export function PersonPlace({ personId }: { personId: string }) {
  const where = useHybridStore((state) => state.places[personId]);
  return <PlaceBadge where={where} />;
}
