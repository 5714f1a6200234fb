import type { ForumPlannedMeeting } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatMeetingDate } from '../ui/network-format';
import { useForumStore } from './forum-store';

/** The pair's "Dodaj do programu spotkania" under a need: which planned meeting, how long. */
export function ForumAgendaForm({ meetings }: { meetings: ForumPlannedMeeting[] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const agenda = useForumStore((state) => state.agenda);
  const busy = useForumStore((state) => state.busy);
  const setAgenda = useForumStore((state) => state.setAgenda);
  const putOnAgenda = useForumStore((state) => state.putOnAgenda);

  return (
    <form
      className="card forum-agenda"
      aria-label={t('forum.agenda.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void putOnAgenda();
      }}
    >
      <h2>{t('forum.agenda.heading')}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t('forum.agenda.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('forum.agenda.hint')}</p>
          <div className="forum-agenda-fields">
            <label className="field field-grow">
              {t('forum.agenda.meeting')}
              <select
                value={agenda.meetingId}
                onChange={(event) => setAgenda({ meetingId: event.target.value })}
              >
                {meetings.map((meeting) => (
                  <option key={meeting.id} value={meeting.id}>
                    {formatMeetingDate(language, meeting.startsAt)} — {meeting.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="field forum-minutes">
              {t('forum.agenda.minutes')}
              <input
                type="number"
                min={5}
                max={480}
                step={5}
                value={agenda.minutes}
                onChange={(event) => setAgenda({ minutes: Number(event.target.value) })}
              />
            </label>
          </div>
          <button type="submit" className="button-primary" disabled={busy || agenda.meetingId === ''}>
            {t('forum.agenda.submit')}
          </button>
        </>
      )}
    </form>
  );
}
