import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { followMeAct, summonAct } from './acts';
import { RoomPageControls } from './RoomPageControls';
import { Icon } from '../ui/icons';
import { useBoardEditor, useSession } from '../session/board-context';
import { useRights } from './use-rights';

/**
 * "Bring everyone here" (once), "Follow me" (until stopped), and the room display's page when what it
 * shows does not fit the projector.
 */
export function GroupViewControls() {
  const session = useSession();
  const editor = useBoardEditor();
  const t = useT();
  const me = useRights().identity.id;
  const follow = useStepStore((state) => state.control.follow);
  const active = follow?.active === true;
  const mine = active && follow.leaderId === me;
  return (
    <section className="console-section" aria-labelledby="console-group">
      <h3 id="console-group">{t('group.heading')}</h3>
      <div className="console-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => editor !== null && summonAct(session, editor)}
          title={t('group.summonHint')}
          data-testid="summon"
        >
          <Icon name="summon" />
          {t('group.summon')}
        </button>
        {active ? (
          <button
            type="button"
            className="button-primary"
            onClick={() => followMeAct(session, false)}
            data-testid="follow-me-stop"
          >
            {t('group.followMeStop')}
          </button>
        ) : (
          <button
            type="button"
            className="button-secondary"
            onClick={() => followMeAct(session, true)}
            title={t('group.followMeHint')}
            data-testid="follow-me"
          >
            <Icon name="follow" />
            {t('group.followMe')}
          </button>
        )}
      </div>
      {active && (
        <p className="console-status" role="status">
          {mine ? t('group.followMeOn') : t('group.followMeOther', { name: follow.leaderName ?? '' })}
        </p>
      )}
      <RoomPageControls />
    </section>
  );
}
