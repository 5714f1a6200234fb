import {
  OFFICE_HOURS_ANSWER_MAX,
  OFFICE_HOURS_QUESTION_MAX,
  type MessageKey,
  type OfficeHoursSlot,
  type OfficeHoursViewer,
} from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { clock, momentInWarsaw, slotDate } from './office-hours-format';
import { useOfficeHoursStore } from './office-hours-store';

/** One slot: when, who holds it, where; its state; the booking the reader may see; what they may do. */
export function OfficeHoursSlotCard({ slot, viewer }: { slot: OfficeHoursSlot; viewer: OfficeHoursViewer }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const busy = useOfficeHoursStore((state) => state.busy);
  const booking = useOfficeHoursStore((state) => state.booking);
  const answering = useOfficeHoursStore((state) => state.answering);
  const startBooking = useOfficeHoursStore((state) => state.startBooking);
  const setQuestion = useOfficeHoursStore((state) => state.setQuestion);
  const book = useOfficeHoursStore((state) => state.book);
  const withdraw = useOfficeHoursStore((state) => state.withdraw);
  const cancelSlot = useOfficeHoursStore((state) => state.cancelSlot);
  const confirmingCancel = useOfficeHoursStore((state) => state.confirmingCancel);
  const askCancel = useOfficeHoursStore((state) => state.askCancel);
  const startAnswer = useOfficeHoursStore((state) => state.startAnswer);
  const setAnswer = useOfficeHoursStore((state) => state.setAnswer);
  const saveAnswer = useOfficeHoursStore((state) => state.saveAnswer);

  const open = !slot.cancelled && !slot.started;
  const bookable = viewer.canBook && open && !slot.taken;
  const booked = slot.booking;
  const formOpen = booking?.slotId === slot.id;
  const answerOpen = answering?.slotId === slot.id;
  const status: { key: MessageKey; tone: string } = slot.cancelled
    ? { key: 'officeHours.slot.cancelled', tone: 'cancelled' }
    : slot.started
      ? { key: 'officeHours.slot.started', tone: 'past' }
      : slot.mine
        ? { key: 'officeHours.slot.mine', tone: 'mine' }
        : slot.taken
          ? { key: 'officeHours.slot.taken', tone: 'taken' }
          : { key: 'officeHours.slot.free', tone: 'free' };

  return (
    <li className="office-hours-slot" data-slot-start={slot.startsAt} data-testid="office-hours-slot">
      <div className="office-hours-slot-top">
        <h3 className="office-hours-slot-time">
          {t('officeHours.slot.time', {
            date: slotDate(slot.startsAt, language),
            start: clock(slot.startsAt),
            end: clock(slot.endsAt),
          })}
        </h3>
        <span className={`pill office-hours-status office-hours-status-${status.tone}`}>{t(status.key)}</span>
      </div>
      <p className="office-hours-slot-meta small">
        <span>{t('officeHours.slot.host', { name: slot.host.name })}</span>
        {slot.location.kind === 'online' ? (
          <a href={slot.location.url} target="_blank" rel="noopener noreferrer">
            {t('officeHours.slot.join')}
          </a>
        ) : (
          <span>{slot.location.place}</span>
        )}
      </p>

      {booked && (
        <div className="office-hours-booking">
          {!slot.mine && (
            <p className="small muted">
              {t('officeHours.booking.asker', {
                name: booked.person.city
                  ? `${booked.person.name} (${booked.person.city})`
                  : booked.person.name,
              })}
            </p>
          )}
          <p className="office-hours-question">{booked.question}</p>
          {booked.answer !== null && !answerOpen && (
            <div className="office-hours-answer">
              <p className="small muted">
                {t('officeHours.answer.label')}
                {booked.answeredAt && ` · ${momentInWarsaw(language, booked.answeredAt)}`}
              </p>
              <p className="office-hours-answer-text">{booked.answer}</p>
            </div>
          )}
          {booked.answer === null && !answerOpen && (
            <p className="small muted">{t('officeHours.answer.waiting')}</p>
          )}
        </div>
      )}

      {answerOpen && (
        <form
          className="office-hours-answer-form"
          aria-label={t('officeHours.answer.label')}
          onSubmit={(event) => {
            event.preventDefault();
            void saveAnswer();
          }}
        >
          <label className="field">
            {t('officeHours.answer.label')}
            <textarea
              rows={5}
              value={answering.text}
              maxLength={OFFICE_HOURS_ANSWER_MAX}
              aria-describedby={`answer-hint-${slot.id}`}
              onChange={(event) => setAnswer(event.target.value)}
            />
            <span id={`answer-hint-${slot.id}`} className="muted small">
              {t('officeHours.answer.hint')}
            </span>
          </label>
          <div className="office-hours-actions">
            <button type="submit" className="button-primary" disabled={busy || answering.text.trim() === ''}>
              {t('officeHours.answer.submit')}
            </button>
            <button type="button" className="button-secondary" onClick={() => startAnswer(null)}>
              {t('officeHours.answer.cancel')}
            </button>
          </div>
        </form>
      )}

      {formOpen && (
        <form
          className="office-hours-book-form"
          aria-label={t('officeHours.book.question')}
          onSubmit={(event) => {
            event.preventDefault();
            void book();
          }}
        >
          <label className="field">
            {t('officeHours.book.question')}
            <textarea
              rows={4}
              value={booking.question}
              maxLength={OFFICE_HOURS_QUESTION_MAX}
              aria-describedby={`question-hint-${slot.id}`}
              onChange={(event) => setQuestion(event.target.value)}
            />
            <span id={`question-hint-${slot.id}`} className="muted small">
              {t('officeHours.book.hint')}
            </span>
          </label>
          <div className="office-hours-actions">
            <button
              type="submit"
              className="button-primary"
              disabled={busy || booking.question.trim() === ''}
            >
              {t('officeHours.book.submit')}
            </button>
            <button type="button" className="button-secondary" onClick={() => startBooking(null)}>
              {t('officeHours.book.cancel')}
            </button>
          </div>
        </form>
      )}

      {confirmingCancel === slot.id && open && (
        <div className="office-hours-confirm" role="group" aria-label={t('officeHours.slot.cancel')}>
          <p>{t(slot.taken ? 'officeHours.slot.cancelConfirmBooked' : 'officeHours.slot.cancelConfirm')}</p>
          <div className="office-hours-actions">
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => void cancelSlot(slot.id)}
            >
              {t('officeHours.slot.cancelYes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => askCancel(null)}>
              {t('officeHours.slot.cancelNo')}
            </button>
          </div>
        </div>
      )}

      {!formOpen && !answerOpen && confirmingCancel !== slot.id && (
        <div className="office-hours-actions">
          {bookable && (
            <button type="button" className="button-primary" onClick={() => startBooking(slot.id)}>
              {t('officeHours.book.open')}
            </button>
          )}
          {slot.mine && open && booked?.answer === null && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void withdraw(slot.id)}
            >
              {t('officeHours.booking.withdraw')}
            </button>
          )}
          {viewer.canAnswer && booked && (
            <button
              type="button"
              className={booked.answer === null ? 'button-primary' : 'button-secondary'}
              onClick={() => startAnswer(slot.id, booked.answer ?? '')}
            >
              {t(booked.answer === null ? 'officeHours.answer.write' : 'officeHours.answer.edit')}
            </button>
          )}
          {viewer.canCancelSlots && open && (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => askCancel(slot.id)}>
              {t('officeHours.slot.cancel')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
