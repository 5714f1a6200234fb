import type { HomeMeeting, HomeSubstitutesResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useHomeStore, type HomeEntry, type SubstitutePick } from './home-store';

/**
 * "Nie mogę być" with who comes instead ([N10]): a list of the people of the person's city in the
 * network, "bez zastępstwa" first, saved together with the answer.
 */
export function SubstitutePicker({
  entry,
  meeting,
  substitutes,
  pick,
}: {
  entry: HomeEntry;
  meeting: HomeMeeting;
  substitutes: HomeSubstitutesResponse;
  pick: SubstitutePick;
}) {
  const t = useT();
  const busy = useHomeStore((state) => state.busy === meeting.id);
  const setPick = useHomeStore((state) => state.pick);
  const save = useHomeStore((state) => state.saveCannotCome);
  const selectId = `substitute-${meeting.id}`;

  return (
    <form
      className="home-substitute"
      data-testid="substitute-picker"
      onSubmit={(event) => {
        event.preventDefault();
        void save(entry, meeting, pick.substituteId);
      }}
    >
      <label className="field" htmlFor={selectId}>
        {t('home.substitute.label')}
      </label>
      <select
        id={selectId}
        className="home-substitute-select"
        value={pick.substituteId ?? ''}
        aria-describedby={`${selectId}-hint`}
        onChange={(event) => setPick({ meetingId: meeting.id, substituteId: event.target.value || null })}
      >
        <option value="">{t('home.substitute.none')}</option>
        {substitutes.substitutes.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      <p id={`${selectId}-hint`} className="muted small">
        {t('home.substitute.hint')}
      </p>
      <div className="home-answer-buttons">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('home.substitute.save')}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => setPick(null)}>
          {t('home.substitute.cancel')}
        </button>
      </div>
    </form>
  );
}
