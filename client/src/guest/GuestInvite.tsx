import './guest.css';
import type { JoinResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useGuestInviteStore } from './guest-invite-store';

/**
 * For the facilitator and the expert, in the people panel: the link that invites a guest expert
 * (a ministry, BGK, NFOŚiGW…) to this meeting ([G1]), shown on request and copied in one click.
 */
export function GuestInvite({ session }: { session: JoinResponse }) {
  const t = useT();
  const boardId = session.board.id;
  const { link, loading, failed, copy, load, copyLink } = useGuestInviteStore();
  const shown = useGuestInviteStore((state) => state.boardId === boardId);
  const label = t('guest.invite.heading');
  return (
    <section className="guest-invite" aria-label={label} data-testid="guest-invite">
      <h3 className="people-subheading">{label}</h3>
      <p className="muted small">{t('guest.invite.hint')}</p>
      {shown && link ? (
        <div className="guest-invite-link">
          <input
            className="invite-url"
            readOnly
            value={link}
            aria-label={label}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="guest-invite-url"
          />
          <button type="button" className="button-secondary" onClick={() => void copyLink()}>
            {copy === 'copied' ? t('admin.invite.copied') : t('admin.invite.copy')}
          </button>
          {copy === 'copy-failed' && <p className="invite-note">{t('admin.invite.copyFailed')}</p>}
        </div>
      ) : (
        <button
          type="button"
          className="button-secondary"
          disabled={shown && loading}
          onClick={() => void load(boardId, session.sessionToken)}
          data-testid="guest-invite-show"
        >
          {t('guest.invite.show')}
        </button>
      )}
      {shown && failed && (
        <p className="form-error" role="alert">
          {t('guest.invite.failed')}
        </p>
      )}
    </section>
  );
}
