import type { ForumConversion } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatMeetingDate } from '../ui/network-format';

/** "Dodano do programu spotkania pon., 20 maja 2099, 10:00 — Zobacz spotkanie". */
export function ForumConversions({
  conversions,
  meetingHref,
}: {
  conversions: ForumConversion[];
  /** Where the meeting is shown to this reader; null: no link (the thread list). */
  meetingHref: ((meetingId: string) => string) | null;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (conversions.length === 0) return null;
  return (
    <ul className="forum-conversions">
      {conversions.map((conversion) => (
        <li key={`${conversion.kind}-${conversion.meetingId}`} data-testid="forum-on-agenda">
          <span>
            {t('forum.agenda.added', { date: formatMeetingDate(language, conversion.startsAt) })} ·{' '}
            {conversion.meetingTitle}
          </span>
          {meetingHref && <a href={meetingHref(conversion.meetingId)}>{t('forum.agenda.open')}</a>}
        </li>
      ))}
    </ul>
  );
}
