import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { cityNameSchema } from '@empiria/shared';
import type { BoardInfo, MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import type { Profile } from '../session/session-storage';
import { Page } from '../ui/Page';
import { Icon } from '../ui/icons';
import './hybrid.css';

const ROOM_PLACE_KEY = 'empiria.roomPlace';

function readRoomPlace(): string | null {
  try {
    const parsed = cityNameSchema.safeParse(localStorage.getItem(ROOM_PLACE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function saveRoomPlace(city: string): void {
  try {
    localStorage.setItem(ROOM_PLACE_KEY, city);
  } catch {
    // Asked again next time.
  }
}

/**
 * Joining as the room display: no person's name — the display joins as "Ekran sali" in the
 * room's city. Asked once; a device that knows its room joins straight away (a projector laptop
 * reopens the link and the sheet is on the wall).
 */
export function RoomJoin({
  board,
  profile,
  notice,
}: {
  board: BoardInfo;
  profile: Profile | null;
  notice: MessageKey | null;
}) {
  const t = useT();
  const join = useSessionStore((state) => state.join);
  const joining = useSessionStore((state) => state.joining);
  const joinError = useSessionStore((state) => state.joinError);
  const remembered = readRoomPlace();
  const [city, setCity] = useState(remembered ?? profile?.city ?? '');
  const parsed = cityNameSchema.safeParse(city);
  const autoJoined = useRef(false);

  const submit = (place: string) => {
    saveRoomPlace(place);
    void join({ name: t('room.displayName'), city: place, where: 'room' }, { remember: false });
  };

  useEffect(() => {
    // A known room joins by itself, once (not again after a refused or failed join).
    if (remembered && !notice && !autoJoined.current) {
      autoJoined.current = true;
      submit(remembered);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (parsed.success && !joining) submit(parsed.data);
  }

  return (
    <Page>
      <form className="card join-card" onSubmit={onSubmit} data-testid="room-join">
        <p className="eyebrow">
          <Icon name="room" /> {t('room.displayName')}
        </p>
        <h1 className="join-title">{board.title}</h1>
        <p>{t('room.join.lead')}</p>
        {notice && (
          <div className="alert alert-warning" role="status">
            {t(notice)}
          </div>
        )}
        <label className="field">
          <span>{t('room.join.placeLabel')}</span>
          <input
            name="city"
            autoComplete="address-level2"
            value={city}
            maxLength={80}
            placeholder={t('room.join.placePlaceholder')}
            onChange={(event) => setCity(event.target.value)}
            autoFocus
          />
        </label>
        <p className="muted small">{t('room.join.remember')}</p>
        {joinError && (
          <div className="alert alert-error" role="alert">
            {t(joinError)}
          </div>
        )}
        <button type="submit" className="button-primary button-large" disabled={!parsed.success || joining}>
          {joining ? t('join.submitting') : t('room.join.submit')}
        </button>
      </form>
    </Page>
  );
}
