import type { Meeting } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatDuration } from '../formats/localized';
import { AttendanceSection } from './AttendanceSection';
import { InvitationsSection } from './InvitationsSection';
import { ReportMeetingLink } from './ReportMeetingLink';
import { MeetingForm } from './MeetingForm';
import { useMeetingDraftStore } from './meeting-draft-store';
import { formatClock, formatMeetingDate, sameDay } from '../ui/network-format';
import { NONE, useNetworkStore } from './network-store';
import { agendaMinutes } from '@empiria/shared';

/** The network's meetings, oldest first, and "Zaplanuj spotkanie" (N2); the organiser edits the practical fields (N3). */
export function MeetingsSection() {
  const t = useT();
  const meetings = useNetworkStore((state) => state.detail?.meetings) ?? NONE;
  const mayPlan = useNetworkStore((state) => state.may('meetings.plan'));
  const editing = useMeetingDraftStore((state) => state.editing);
  const startNew = useMeetingDraftStore((state) => state.startNew);

  return (
    <section className="card network-section" aria-labelledby="meetings-heading">
      <div className="network-section-header">
        <h2 id="meetings-heading">{t('networkAdmin.meetings.heading')}</h2>
        {mayPlan && editing?.kind !== 'new' && (
          <button type="button" className="button-primary" onClick={() => void startNew()}>
            {t('networkAdmin.meetings.plan')}
          </button>
        )}
      </div>
      {editing?.kind === 'new' && <MeetingForm />}
      {meetings.length === 0 && editing?.kind !== 'new' && (
        <p className="muted">{t('networkAdmin.meetings.empty')}</p>
      )}
      <ol className="meeting-list">
        {meetings.map((meeting, index) => (
          <MeetingCard key={meeting.id} meeting={meeting} number={index + 1} />
        ))}
      </ol>
    </section>
  );
}

function MeetingCard({ meeting, number }: { meeting: Meeting; number: number }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const invitations = useNetworkStore((state) => state.invitations[meeting.id]);
  const mayPractical = useNetworkStore((state) => state.may('meetings.practical'));
  const editing = useMeetingDraftStore((state) => state.editing);
  const startEdit = useMeetingDraftStore((state) => state.startEdit);
  const isEditing = editing?.kind === 'edit' && editing.meeting.id === meeting.id;
  const answered = invitations?.filter((invitation) => invitation.answer !== null).length ?? 0;
  const place = [meeting.hostCity, meeting.venue, meeting.room].filter(Boolean).join(', ');

  return (
    <li className="meeting-card" data-meeting-id={meeting.id} aria-labelledby={`meeting-${meeting.id}`}>
      <header className="meeting-card-header">
        <div>
          <p className="eyebrow">{t('networkAdmin.meetings.number', { number })}</p>
          <h3 id={`meeting-${meeting.id}`}>{meeting.title}</h3>
          <p className="meeting-when">
            {formatMeetingDate(language, meeting.startsAt)}–
            {sameDay(meeting.startsAt, meeting.endsAt)
              ? formatClock(meeting.endsAt)
              : formatMeetingDate(language, meeting.endsAt)}{' '}
            <span className="muted">({t('networkAdmin.meetings.warsawTime')})</span>
          </p>
        </div>
        <div className="report-meeting-actions">
          <ReportMeetingLink meeting={meeting} />
          {mayPractical && !isEditing && (
            <button type="button" className="button-secondary" onClick={() => startEdit(meeting)}>
              {t('networkAdmin.meetings.edit')}
            </button>
          )}
        </div>
      </header>
      <dl className="meeting-facts">
        <div>
          <dt>{t('networkAdmin.meeting.mode')}</dt>
          <dd>{t(`record.mode.${meeting.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('networkAdmin.meetings.place')}</dt>
          <dd>{place || t('networkAdmin.meetings.noPlace')}</dd>
        </div>
        <div>
          <dt>{t('networkAdmin.meetings.length')}</dt>
          <dd>
            {formatDuration(t, agendaMinutes(meeting.agenda))} ·{' '}
            {t('networkAdmin.meetings.items', { count: meeting.agenda.length })}
          </dd>
        </div>
        <div>
          <dt>{t('networkAdmin.meetings.answers')}</dt>
          <dd>
            {invitations ? t('networkAdmin.meetings.answered', { answered, count: invitations.length }) : '—'}
          </dd>
        </div>
      </dl>
      {meeting.cateringNotes && (
        <p className="meeting-catering">
          <strong>{t('networkAdmin.meeting.cateringNotes')}:</strong> {meeting.cateringNotes}
        </p>
      )}
      {isEditing && <MeetingForm />}
      <InvitationsSection meeting={meeting} />
      <AttendanceSection meeting={meeting} />
    </li>
  );
}
