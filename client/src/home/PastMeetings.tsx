import type { HomeMeeting } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { useHomeStore, type HomeEntry } from './home-store';
import { meetingDate } from './meeting-time';

/** Past meetings, newest first, each with its approved note to download (never a draft). */
export function PastMeetings({ entry, meetings }: { entry: HomeEntry; meetings: HomeMeeting[] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const download = useHomeStore((state) => state.download);
  if (meetings.length === 0) return null;
  return (
    <section className="home-past" data-testid="past-meetings">
      <h3>{t('home.past.heading')}</h3>
      <ul>
        {meetings.map((meeting) => (
          <li key={meeting.id} className="card home-past-meeting">
            <strong>{meeting.title}</strong>
            <span className="muted">{meetingDate(meeting.startsAt, language)}</span>
            {meeting.noteApproved ? (
              <span className="home-past-notes">
                {(['html', 'docx'] as const).map((format) => (
                  <button
                    key={format}
                    type="button"
                    className="button-secondary"
                    onClick={() =>
                      void download(
                        entry,
                        `/api/me/meetings/${meeting.id}/notes?format=${format}`,
                        `notatka-${meeting.startsAt.slice(0, 10)}.${format}`,
                        meeting.id,
                      )
                    }
                  >
                    {t(`home.past.note.${format}`)}
                  </button>
                ))}
              </span>
            ) : (
              <span className="muted">{t('home.past.noNote')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
