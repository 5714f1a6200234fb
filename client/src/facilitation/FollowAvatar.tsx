import type { Identity } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { PersonBadge } from '../ui/PersonBadge';
import { useFacilitationStore } from './facilitation-store';
import { useRights } from './use-rights';

/**
 * A person's badge in the people list; for anyone else it is a button that makes this screen
 * follow their view (only here, nobody else is affected), and stops following on a second click.
 */
export function FollowAvatar({ identity, isSelf }: { identity: Identity; isSelf: boolean }) {
  const t = useT();
  const me = useRights().identity.id;
  const follow = useFacilitationStore((state) => state.follow);
  const dispatch = useFacilitationStore((state) => state.dispatchFollow);
  // Observers and the room display publish no view to follow.
  const followable = !isSelf && me !== null && identity.role !== 'observer' && identity.role !== 'room';
  if (!followable) return <PersonBadge identity={identity} />;
  const following = follow.mode !== 'idle' && follow.leader.id === identity.id;
  const label = following ? t('follow.stop') : t('people.follow', { name: identity.name });
  return (
    <button
      type="button"
      className={`follow-avatar${following ? ' is-following' : ''}`}
      aria-pressed={following}
      title={label}
      onClick={() =>
        following && follow.source === 'personal'
          ? dispatch({ type: 'stop' })
          : dispatch({ type: 'follow-person', leader: { id: identity.id, name: identity.name }, selfId: me })
      }
      data-testid="follow-person"
    >
      <PersonBadge identity={identity} />
      {/* Named by its words, not an aria-label: the initials seen are decoration (aria-hidden). */}
      <span className="visually-hidden">{label}</span>
      {following && (
        <span className="follow-avatar-mark" aria-hidden="true">
          {t('people.following')}
        </span>
      )}
    </button>
  );
}
