import { useT } from '../i18n/language-store';
import { FollowAvatar } from '../facilitation/FollowAvatar';
import { PersonPlace } from '../hybrid/PlaceBadge';
import { usePresenceStore } from './presence-store';

/** Who's here: name, city and role beside a city-coloured badge with initials. */
export function PeoplePanel() {
  const t = useT();
  const people = usePresenceStore((state) => state.people);
  const open = usePresenceStore((state) => state.panelOpen);
  if (!open) return null;
  return (
    <aside
      id="people-panel"
      className="people-panel"
      aria-labelledby="people-heading"
      data-testid="people-panel"
    >
      <h2 id="people-heading">
        {t('board.people.heading')} <span className="count">{people.length}</span>
      </h2>
      <ul>
        {people.map(({ identity, isSelf }) => (
          <li key={identity.id} className="person" data-person-id={identity.id}>
            <FollowAvatar identity={identity} isSelf={isSelf} />
            <span className="person-text">
              <strong>
                {identity.name}
                {isSelf && <span className="you"> ({t('board.you')})</span>}
              </strong>
              <span>
                {identity.city} · {t(`role.${identity.role}`)}
              </span>
              <PersonPlace personId={identity.id} />
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
