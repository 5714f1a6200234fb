import { useStepStore } from '../control/step-store';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { lockSheetAct, showAuthorsAct } from './acts';
import { Icon } from '../ui/icons';
import { useSession } from '../session/board-context';

/** Lock a finished step's sheet; show or hide the notes' authors. */
export function SheetControls() {
  const session = useSession();
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const locked = useStepStore((state) => state.control.lockedSteps);
  const showAuthors = useStepStore((state) => state.control.showAuthors);
  const steps = format?.steps ?? [];
  // The steps up to the current one can be finished; later ones are not worth offering.
  const lockable = steps.filter((_, index) => currentIndex !== null && index <= currentIndex);
  return (
    <section className="console-section" aria-labelledby="console-sheets" data-testid="console-sheets">
      <h3 id="console-sheets">{t('sheets.heading')}</h3>
      <label className="console-check">
        <input
          type="checkbox"
          checked={showAuthors}
          onChange={(event) => showAuthorsAct(session, event.target.checked)}
          data-testid="show-authors"
        />
        <span>{t('authors.show')}</span>
      </label>
      {lockable.length > 0 && (
        <>
          <p className="console-hint">{t('sheets.lockHint')}</p>
          <ul className="lock-list">
            {lockable.map((step) => {
              const number = steps.indexOf(step) + 1;
              const isLocked = locked.includes(step.id);
              return (
                <li key={step.id} className={isLocked ? 'is-locked' : undefined}>
                  <span className="lock-step">
                    <span className="lock-number">{number}</span>
                    {local(step.title)}
                  </span>
                  <button
                    type="button"
                    className={
                      isLocked ? 'button-secondary lock-button is-locked' : 'button-quiet lock-button'
                    }
                    aria-pressed={isLocked}
                    onClick={() => lockSheetAct(session, step.id, !isLocked)}
                    aria-label={isLocked ? t('sheets.unlock', { number }) : t('sheets.lock', { number })}
                    title={isLocked ? t('sheets.unlock', { number }) : t('sheets.lock', { number })}
                    data-testid={`lock-${step.id}`}
                  >
                    <Icon name="lock" />
                    {isLocked ? t('sheets.locked') : t('sheets.lockShort')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
