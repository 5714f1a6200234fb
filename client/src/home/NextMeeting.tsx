import { INVITATION_ANSWERS, type HomeMeeting, type NetworkRole } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { AgendaItems } from './AgendaItems';
import { SubstitutePicker } from './SubstitutePicker';
import { useHomeStore, type HomeEntry } from './home-store';
import { clockTime, isBoardLive, meetingDate } from './meeting-time';

/** The facilitator–expert pair may open a meeting's board any day, to prepare it ([N12]). */
const PREPARES_BOARDS: ReadonlySet<NetworkRole> = new Set(['facilitator', 'expert']);

/**
 * The next meeting, first on the page: on its day the big button onto the board (for the pair,
 * every day before it, to prepare the board); then when and where, the person's answer with the
 * three buttons to change it, the calendar file, the agenda.
 */
export function NextMeeting({
  entry,
  meeting,
  role,
}: {
  entry: HomeEntry;
  meeting: HomeMeeting;
  role: NetworkRole;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const busy = useHomeStore((state) => state.busy === meeting.id);
  const answer = useHomeStore((state) => state.answer);
  const join = useHomeStore((state) => state.join);
  const download = useHomeStore((state) => state.download);
  const pick = useHomeStore((state) => (state.picking?.meetingId === meeting.id ? state.picking : null));
  const setPick = useHomeStore((state) => state.pick);
  const substitutes = entry.substitutes[meeting.id];
  const chosen = meeting.answer === 'cannot-come' ? (substitutes?.chosen ?? null) : null;
  const live = isBoardLive(meeting, new Date());
  const prepare = !live && PREPARES_BOARDS.has(role);
  const place = [meeting.venue, meeting.hostCity, meeting.room].filter(Boolean).join(', ');

  return (
    <article className="card home-next" data-testid="next-meeting" aria-labelledby={`m-${meeting.id}`}>
      <p className="eyebrow">{t(live ? 'home.next.today' : 'home.next.heading')}</p>
      <h3 id={`m-${meeting.id}`} className="home-next-title">
        {meeting.title}
      </h3>
      {live && (
        <button
          type="button"
          className="button-primary home-join"
          disabled={busy}
          onClick={() => void join(entry, meeting)}
          data-testid="join-board"
        >
          {t('home.join')}
        </button>
      )}
      {prepare && (
        <button
          type="button"
          className="button-primary home-join"
          disabled={busy}
          onClick={() => void join(entry, meeting)}
          data-testid="prepare-board"
        >
          {t('home.prepare')}
        </button>
      )}
      <dl className="home-facts">
        <dt>{t('home.when')}</dt>
        <dd>
          {meetingDate(meeting.startsAt, language)}, {clockTime(meeting.startsAt)}–{clockTime(meeting.endsAt)}
        </dd>
        <dt>{t('home.mode')}</dt>
        <dd>{t(`record.mode.${meeting.mode}`)}</dd>
        {place && (
          <>
            <dt>{t('home.where')}</dt>
            <dd>{place}</dd>
          </>
        )}
      </dl>
      {meeting.invited && (
        <fieldset className="home-answer" data-testid="answer">
          <legend>{t('home.answer.question')}</legend>
          <div className="home-answer-buttons">
            {INVITATION_ANSWERS.map((option) => {
              // While the substitute is picked, "Nie mogę być" is the answer being given.
              const pressed = pick ? option === 'cannot-come' : option === meeting.answer;
              return (
                <button
                  key={option}
                  type="button"
                  className={pressed ? 'button-primary' : 'button-secondary'}
                  aria-pressed={pressed}
                  disabled={busy}
                  onClick={() => void answer(entry, meeting, option)}
                >
                  {t(`home.answer.${option}`)}
                </button>
              );
            })}
          </div>
          {pick && substitutes && (
            <SubstitutePicker entry={entry} meeting={meeting} substitutes={substitutes} pick={pick} />
          )}
          <p className="muted small" role="status">
            {meeting.answer
              ? t('home.answer.saved', { answer: t(`home.answer.${meeting.answer}`) })
              : t('home.answer.none')}
          </p>
          {substitutes?.standingInFor && (
            <p className="home-substitute-chosen" data-testid="standing-in-for">
              {t('home.substitute.standingInFor', { name: substitutes.standingInFor.name })}
            </p>
          )}
          {!pick && chosen && (
            <p className="home-substitute-chosen" data-testid="substitute-chosen">
              {t('home.substitute.chosen', { name: chosen.name })}
            </p>
          )}
          {!pick && meeting.answer === 'cannot-come' && substitutes && substitutes.substitutes.length > 0 && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => setPick({ meetingId: meeting.id, substituteId: chosen?.id ?? null })}
            >
              {t(chosen ? 'home.substitute.change' : 'home.substitute.name')}
            </button>
          )}
        </fieldset>
      )}
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        data-testid="calendar"
        onClick={() =>
          void download(
            entry,
            `/api/networks/${entry.home.networks.find((n) => n.nextMeeting?.id === meeting.id)?.network.id ?? ''}/meetings/${meeting.id}/invitation.ics`,
            `empiria-${meeting.startsAt.slice(0, 10)}.ics`,
            meeting.id,
          )
        }
      >
        {t('home.calendar')}
      </button>
      <h4>{t('home.agenda')}</h4>
      <AgendaItems startsAt={meeting.startsAt} agenda={meeting.agenda} />
    </article>
  );
}
