import { isLeadRole } from '@empiria/shared';
import './people-panel.css';
import { useT } from '../i18n/language-store';
import { FollowAvatar } from '../facilitation/FollowAvatar';
import { PersonPlace } from '../hybrid/PlaceBadge';
import { PeopleRoster } from '../people/PeopleRoster';
import { GuestInvite } from '../guest/GuestInvite';
import { usePeopleStore } from '../people/people-store';
import { useSessionStore } from '../session/session-store';
import type { Person } from '../canvas/presence';
import { useEveryoneHere } from '../session/everyone-here';
import { usePresenceStore } from '../session/presence-store';

/**
 * Who's here: name, city and role beside a city-coloured badge with initials; observers apart,
 * as watching. The count is everyone, as in the top bar, on every screen. The facilitator and
 * the expert also open from here the list of everyone who joined, to merge and remove ([I2]).
 */
export function PeoplePanel() {
  const t = useT();
  const { working: present, watching, count } = useEveryoneHere();
  const open = usePresenceStore((state) => state.panelOpen);
  const session = useSessionStore((state) => (state.phase.kind === 'joined' ? state.phase.session : null));
  const showRoster = usePeopleStore((state) => state.show);
  const leads = session !== null && isLeadRole(session.identity.role);
  const roster = leads ? <PeopleRoster session={session} /> : null;
  if (!open) return roster;
  const working = present.filter((p) => p.identity.role !== 'guest');
  // Guest experts advise the group; listed apart from the cities' people ([G4]).
  const guests = present.filter((p) => p.identity.role === 'guest');
  const personItem = ({ identity, isSelf }: Person, what: string) => (
    <li key={identity.id} className="person" data-person-id={identity.id} data-role={identity.role}>
      <FollowAvatar identity={identity} isSelf={isSelf} />
      <span className="person-text">
        <strong>
          {identity.name}
          {isSelf && <span className="you"> ({t('board.you')})</span>}
        </strong>
        <span>
          {identity.city} · {what}
        </span>
        <PersonPlace personId={identity.id} />
      </span>
    </li>
  );
  return (
    <>
      <aside
        id="people-panel"
        className="people-panel"
        aria-labelledby="people-heading"
        data-testid="people-panel"
      >
        <h2 id="people-heading">
          {t('board.people.heading')} <span className="count">{count}</span>
        </h2>
        <ul>{working.map((person) => personItem(person, t(`role.${person.identity.role}`)))}</ul>
        {guests.length > 0 && (
          <>
            <h3 className="people-subheading" data-testid="people-guests-heading">
              {t('guest.peopleHeading')} <span className="count">{guests.length}</span>
            </h3>
            <ul data-testid="people-guests">{guests.map((person) => personItem(person, t('role.guest')))}</ul>
          </>
        )}
        {watching.length > 0 && (
          <>
            <h3 className="people-subheading" data-testid="people-watching-heading">
              {t('board.people.watchingHeading')} <span className="count">{watching.length}</span>
            </h3>
            <ul data-testid="people-watching">
              {watching.map((person) => personItem(person, t('board.people.watching')))}
            </ul>
          </>
        )}
        {leads && (
          <button
            type="button"
            className="button-secondary people-manage"
            onClick={() => showRoster(session)}
            data-testid="people-manage"
          >
            {t('people.manage')}
          </button>
        )}
        {leads && <GuestInvite session={session} />}
      </aside>
      {roster}
    </>
  );
}
