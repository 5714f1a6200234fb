import { useState } from 'react';
import type { FormEvent } from 'react';
import { joinRequestSchema } from '@empiria/shared';
import type { BoardInfo, MessageKey, Role } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import type { Profile } from '../session/session-storage';
import { Page } from '../ui/Page';

interface Props {
  board: BoardInfo;
  role: Role;
  profile: Profile | null;
  notice: MessageKey | null;
}

export function JoinForm({ board, role, profile, notice }: Props) {
  const t = useT();
  const join = useSessionStore((state) => state.join);
  const joining = useSessionStore((state) => state.joining);
  const joinError = useSessionStore((state) => state.joinError);
  const [name, setName] = useState(profile?.name ?? '');
  const [city, setCity] = useState(profile?.city ?? '');
  const parsed = joinRequestSchema.safeParse({ name, city });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (parsed.success && !joining) void join(parsed.data);
  }

  return (
    <Page>
      <form className="card join-card" onSubmit={onSubmit} data-testid="join-form">
        <p className="eyebrow">{t('join.heading')}</p>
        <h1 className="join-title">{board.title}</h1>
        <p className="role-pill">{t('join.role', { role: t(`role.${role}`) })}</p>
        {role === 'observer' && <p className="muted">{t('join.observerNote')}</p>}
        {notice && (
          <div className="alert alert-warning" role="status">
            {t(notice)}
          </div>
        )}
        <label className="field">
          <span>{t('join.nameLabel')}</span>
          <input
            name="name"
            autoComplete="name"
            value={name}
            maxLength={80}
            placeholder={t('join.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('join.cityLabel')}</span>
          <input
            name="city"
            autoComplete="address-level2"
            value={city}
            maxLength={80}
            placeholder={t('join.cityPlaceholder')}
            onChange={(event) => setCity(event.target.value)}
          />
        </label>
        <p className="muted small">{t('join.remember')}</p>
        {joinError && (
          <div className="alert alert-error" role="alert">
            {t(joinError)}
          </div>
        )}
        <button type="submit" className="button-primary button-large" disabled={!parsed.success || joining}>
          {joining ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </Page>
  );
}
