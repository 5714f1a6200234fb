import { stepAccess } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { streamPhase } from './stream-view';

/**
 * The observers' screen between open parts (vademecum II.1: the working parts are for the core
 * members): what is going on, the agenda with each part open or closed, and the next open part.
 */
export function ClosedPart() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const access = useStepStore((state) => state.control.observerAccess);
  const steps = format?.steps ?? [];
  const phase = streamPhase(steps, currentIndex, access);
  if (phase.kind === 'open') return null;
  const notStarted = phase.kind === 'not-started';
  return (
    <section className="stream-closed" data-testid="stream-closed" data-kind={phase.kind}>
      <div className="stream-closed-message">
        <span className="stream-closed-lock" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="56" height="56">
            <rect
              x="5"
              y="10.5"
              width="14"
              height="10"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            />
            <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        </span>
        <h1>{t(notStarted ? 'stream.notStarted.title' : 'stream.closed.title')}</h1>
        <p>{t(notStarted ? 'stream.notStarted.body' : 'stream.closed.body')}</p>
        <p className="stream-closed-next" data-testid="stream-next">
          {phase.next
            ? t('stream.closed.next', { title: local((phase.next as (typeof steps)[number]).title) })
            : t('stream.closed.noneLeft')}
        </p>
      </div>
      {steps.length > 0 && (
        <nav className="stream-agenda" aria-label={t('stream.agenda')}>
          <h2>{t('stream.agenda')}</h2>
          <ol>
            {steps.map((step, index) => {
              const open = stepAccess(step, access) === 'open';
              const current = index === currentIndex;
              return (
                <li
                  key={step.id}
                  className={`stream-agenda-item${open ? ' is-open' : ''}${current ? ' is-current' : ''}`}
                  aria-current={current ? 'step' : undefined}
                  data-testid="stream-agenda-item"
                  data-access={open ? 'open' : 'closed'}
                >
                  <span className="stream-agenda-number">{index + 1}</span>
                  <span className="stream-agenda-title">{local(step.title)}</span>
                  <span className="stream-agenda-access">
                    {current ? `${t('stream.now')} · ` : ''}
                    {t(open ? 'stream.open' : 'stream.closedPart')}
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>
      )}
    </section>
  );
}
