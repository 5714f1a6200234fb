import { useEffect, useState } from 'react';
import type { Role } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';

type RowState = 'idle' | 'copied' | 'copy-failed' | 'confirming' | 'revoking' | 'revoked';

/** One role's invite link: copy it, or replace it (after one plain-words confirmation). */
export function InviteRow({ boardId, role, url }: { boardId: string; role: Role; url: string }) {
  const t = useT();
  const revoke = useAdminStore((state) => state.revoke);
  const [state, setState] = useState<RowState>('idle');

  useEffect(() => {
    if (state !== 'copied' && state !== 'revoked') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('copy-failed');
    }
  }

  async function confirmRevoke() {
    setState('revoking');
    setState((await revoke(boardId, role)) ? 'revoked' : 'idle');
  }

  const roleName = t(`role.${role}`);
  return (
    <li className="invite-row" data-role={role}>
      <div className="invite-main">
        <span className="invite-role">{roleName}</span>
        <input
          className="invite-url"
          readOnly
          value={url}
          aria-label={roleName}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          {state === 'copied' ? t('admin.invite.copied') : t('admin.invite.copy')}
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => setState('confirming')}
          disabled={state === 'confirming' || state === 'revoking'}
        >
          {t('admin.invite.revoke')}
        </button>
      </div>
      {state === 'copy-failed' && <p className="invite-note">{t('admin.invite.copyFailed')}</p>}
      {state === 'revoked' && (
        <p className="invite-note invite-note-ok" role="status">
          {t('admin.invite.revoked')}
        </p>
      )}
      {(state === 'confirming' || state === 'revoking') && (
        <div className="confirm" role="alertdialog" aria-label={t('admin.invite.revoke')}>
          <p>{t('admin.invite.revokeQuestion', { role: roleName })}</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button-danger"
              disabled={state === 'revoking'}
              onClick={() => void confirmRevoke()}
            >
              {t('admin.invite.revokeConfirm')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setState('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
