import { useEffect, useState } from 'react';
import { useStepStore } from '../control/step-store';
import { formatDuration, useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { stepAccess } from '@empiria/shared';
import { Icon } from '../ui/icons';
import { observerAccessAct } from './acts';
import { stepTimes, wholeMinutes } from './step-times';
import { useStepVisitsStore } from './step-visits-store';
import { useSession } from '../session/board-context';

/**
 * Every step with its planned and its actual time (moves seen on this device), locks marked, and
 * whether observers follow it.
 */
export function ConsoleAgenda() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const locked = useStepStore((state) => state.control.lockedSteps);
  const access = useStepStore((state) => state.control.observerAccess);
  const visits = useStepVisitsStore((state) => state.visits);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  if (!format || format.steps.length === 0) return null;
  const times = stepTimes(format.steps, visits, now);
  return (
    <section className="console-section" aria-labelledby="console-agenda" data-testid="console-agenda">
      <h3 id="console-agenda">{t('console.agenda')}</h3>
      <table className="agenda-times">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">#</span>
            </th>
            <th scope="col" />
            <th scope="col">{t('console.agenda.planned')}</th>
            <th scope="col">{t('console.agenda.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {format.steps.map((step, index) => {
            const time = times[index]!;
            const isCurrent = index === currentIndex;
            return (
              <tr
                key={step.id}
                className={isCurrent ? 'is-current' : index < (currentIndex ?? -1) ? 'is-done' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
                data-step-id={step.id}
              >
                <td className="agenda-times-number">{index + 1}</td>
                <th scope="row" className="agenda-times-title">
                  {local(step.title)}
                  <ObserverAccessToggle stepId={step.id} open={stepAccess(step, access) === 'open'} />
                  {locked.includes(step.id) && (
                    <span className="agenda-lock" title={t('console.agenda.locked')}>
                      <Icon name="lock" size="0.9em" />
                      <span className="visually-hidden">{t('console.agenda.locked')}</span>
                    </span>
                  )}
                </th>
                <td>{formatDuration(t, step.minutes)}</td>
                <td
                  className={time.over ? 'is-over' : undefined}
                  title={time.over ? t('console.agenda.over') : undefined}
                >
                  {time.actualMs === null
                    ? t('console.agenda.notSeen')
                    : formatDuration(t, wholeMinutes(time.actualMs))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="console-hint agenda-access-legend">
        <Icon name="eye" size="1em" /> {t('stream.access.open')} · <Icon name="eye-off" size="1em" />{' '}
        {t('stream.access.closed')}
      </p>
    </section>
  );
}

/**
 * Whether observer cities follow a step in the stream ([P7]): the format's choice until the pair
 * changes it, before or during the meeting.
 */
function ObserverAccessToggle({ stepId, open }: { stepId: string; open: boolean }) {
  const session = useSession();
  const t = useT();
  const label = t(open ? 'stream.access.toggleClose' : 'stream.access.toggleOpen');
  return (
    <button
      type="button"
      className={open ? 'access-toggle is-open' : 'access-toggle'}
      aria-pressed={open}
      title={label}
      onClick={() => observerAccessAct(session, stepId, open ? 'closed' : 'open')}
      data-testid={`observer-access-${stepId}`}
      data-access={open ? 'open' : 'closed'}
    >
      <Icon name={open ? 'eye' : 'eye-off'} size="1em" />
      <span className="visually-hidden">{t(open ? 'stream.access.open' : 'stream.access.closed')}</span>
    </button>
  );
}

/** The current step and how long the group has been on it, at the top of the console. */
export function ConsoleCurrentStep() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const visits = useStepVisitsStore((state) => state.visits);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  if (!format || format.steps.length === 0) return null;
  const step = currentIndex === null ? null : format.steps[currentIndex];
  if (!step || currentIndex === null)
    return <p className="console-step console-muted">{t('console.noStep')}</p>;
  const time = stepTimes([step], visits, now)[0]!;
  return (
    <p className="console-step" data-testid="console-step">
      <strong>{t('console.step', { number: currentIndex + 1, title: local(step.title) })}</strong>
      <span className={time.over ? 'is-over' : undefined}>
        {t('console.stepTime', {
          actual: formatDuration(t, wholeMinutes(time.actualMs ?? 0)),
          planned: formatDuration(t, step.minutes),
        })}
      </span>
    </p>
  );
}
