import { useState } from 'react';
import type { FormEvent } from 'react';
import { joinRequestSchema } from '@empiria/shared';
import type { BoardInfo, Location, MessageKey, Role } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import type { Profile } from '../session/session-storage';
import { Page } from '../ui/Page';
import { PlaceRadios } from '../hybrid/PlaceRadios';
import { readDevicePlace, rememberPlace } from '../hybrid/places';

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
  const [where, setWhere] = useState<Location | null>(readDevicePlace);
  const asksWhere = role !== 'observer';
  // A guest expert comes from an institution (a ministry, BGK…), not a member city ([G1]).
  const guest = role === 'guest';
  const parsed = joinRequestSchema.safeParse({ name, city, where: asksWhere ? where : null });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!parsed.success || joining) return;
    if (parsed.data.where) rememberPlace(board.id, parsed.data.where);
    void join(parsed.data);
  }

  return (
    <Page>
      <form className="card join-card" onSubmit={onSubmit} data-testid="join-form">
        <p className="eyebrow">{t('join.heading')}</p>
        <h1 className="join-title">{board.title}</h1>
        <p className="role-pill">{t('join.role', { role: t(`role.${role}`) })}</p>
        {role === 'observer' && <p className="muted">{t('join.observerNote')}</p>}
        {guest && <p className="muted">{t('guest.joinNote')}</p>}
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
          <span>{t(guest ? 'guest.institutionLabel' : 'join.cityLabel')}</span>
          <input
            name="city"
            autoComplete={guest ? 'organization' : 'address-level2'}
            value={city}
            maxLength={80}
            placeholder={t(guest ? 'guest.institutionPlaceholder' : 'join.cityPlaceholder')}
            onChange={(event) => setCity(event.target.value)}
          />
        </label>
        {asksWhere && (
          <fieldset className="field join-where">
            <legend>{t('place.question')}</legend>
            <PlaceRadios value={where} onChange={setWhere} name="where" />
            <p className="muted small">{t('place.hint')}</p>
          </fieldset>
        )}
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
