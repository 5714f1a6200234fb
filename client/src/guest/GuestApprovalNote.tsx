import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';

/**
 * A guest expert sees the round like everyone, but gets no approval button ([G4]): one line says
 * why, so the missing button does not read as a fault.
 */
export function GuestApprovalNote({ roundOpen }: { roundOpen: boolean }) {
  const t = useT();
  const guest = useSessionStore(
    (state) => state.phase.kind === 'joined' && state.phase.session.identity.role === 'guest',
  );
  if (!guest || !roundOpen) return null;
  return (
    <p className="muted" data-testid="guest-no-approval">
      {t('guest.noApproval')}
    </p>
  );
}
