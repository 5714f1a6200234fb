import { useT } from '../i18n/language-store';

/** "Page 2 of 3" in a corner of the room display, when what it shows takes more than one page. */
export function RoomPageMark({ page, count }: { page: number; count: number }) {
  const t = useT();
  if (count <= 1) return null;
  return (
    <p
      className="room-page-mark"
      data-testid="room-page"
      data-page={page}
      data-count={count}
      aria-live="polite"
    >
      <strong>{t('room.page', { page: page + 1, count })}</strong>
      <span className="room-page-keys">{t('room.pageKeys')}</span>
    </p>
  );
}
