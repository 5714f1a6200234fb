import { useT } from '../i18n/language-store';
import { useEveryoneHere } from '../session/everyone-here';
import { useSessionStore } from '../session/session-store';
import { usePeopleStore } from './people-store';

/** The console's way into the list of everyone who joined ([I2]): the facilitator's usual place. */
export function PeopleConsoleSection() {
  const t = useT();
  const here = useEveryoneHere().count;
  const session = useSessionStore((state) => (state.phase.kind === 'joined' ? state.phase.session : null));
  const show = usePeopleStore((state) => state.show);
  if (!session) return null;
  return (
    <section className="console-section" aria-labelledby="console-people">
      <h3 id="console-people">{t('people.consoleHeading')}</h3>
      <p className="console-status">{t('board.people.count', { count: here })}</p>
      <div className="console-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() => show(session)}
          data-testid="console-people"
        >
          {t('people.manage')}
        </button>
      </div>
    </section>
  );
}
