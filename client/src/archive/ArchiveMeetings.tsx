import type { ArchiveMeeting } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatMeetingDate } from '../ui/network-format';
import { formatInstant } from './archive-view';
import { NoteDownloads } from './NoteDownloads';

/** Every meeting of the network, newest first, with its approved note (or why there is none yet). */
export function ArchiveMeetings({ meetings }: { meetings: ArchiveMeeting[] }) {
  const t = useT();
  return (
    <section className="card archive-section" aria-labelledby="archive-meetings-heading">
      <h2 id="archive-meetings-heading">{t('archive.meetings.heading')}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t('archive.meetings.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('archive.meetings.count', { count: meetings.length })}</p>
          <ol className="archive-meetings">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <MeetingEntry meeting={meeting} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MeetingEntry({ meeting }: { meeting: ArchiveMeeting }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const place = [meeting.hostCity, meeting.venue].filter(Boolean).join(', ');
  return (
    <article className="archive-meeting" data-meeting-id={meeting.id} aria-labelledby={`m-${meeting.id}`}>
      <div className="archive-meeting-header">
        <h3 id={`m-${meeting.id}`}>{meeting.title}</h3>
        <span className={meeting.held ? 'pill pill-held' : 'pill pill-readonly'}>
          {t(meeting.held ? 'archive.meeting.held' : 'archive.meeting.upcoming')}
        </span>
      </div>
      <dl className="meeting-facts">
        <div>
          <dt>{t('record.date')}</dt>
          <dd>
            {formatMeetingDate(language, meeting.startsAt)}{' '}
            <span className="muted small">({t('networkAdmin.meetings.warsawTime')})</span>
          </dd>
        </div>
        <div>
          <dt>{t('archive.meeting.place')}</dt>
          <dd>{place || <span className="muted">{t('archive.meeting.noPlace')}</span>}</dd>
        </div>
        <div>
          <dt>{t('archive.meeting.mode')}</dt>
          <dd>
            {t(`record.mode.${meeting.mode}`)}
            {meeting.photos > 0 && (
              <span className="muted small"> · {t('archive.meeting.photos', { count: meeting.photos })}</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="archive-note" data-testid="archive-note">
        <h4>{t('archive.meeting.note')}</h4>
        {meeting.note ? (
          <>
            <p>
              <strong>
                {t('archive.note.approved', { date: formatInstant(language, meeting.note.approvedAt) })}
              </strong>
            </p>
            {meeting.note.approvedBy.length > 0 && (
              <p className="small">
                {t('archive.note.approvedBy', {
                  people: meeting.note.approvedBy
                    .map((person) => `${person.name} (${person.city})`)
                    .join(', '),
                })}
              </p>
            )}
            {meeting.note.versions !== null && (
              <p className="muted small">{t('archive.note.versions', { count: meeting.note.versions })}</p>
            )}
            <NoteDownloads meeting={meeting} exports={meeting.note.exports} />
          </>
        ) : (
          <p className="muted">{t(meeting.held ? 'archive.note.notApproved' : 'archive.note.notHeld')}</p>
        )}
      </div>
    </article>
  );
}
