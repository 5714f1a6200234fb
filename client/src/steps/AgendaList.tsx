import { useT } from '../i18n/language-store';
import { formatDuration, useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { buildAgenda } from '../control/step-plan';
import type { AgendaItem } from '../control/step-plan';
import { useStepPanelStore } from './panel-store';

/**
 * The agenda: every step with its planned length, the current one highlighted, the done ones
 * ticked, and the planned total. The facilitator and the expert click a step to take the group
 * there.
 */
export function AgendaList() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const goTo = useStepStore((state) => state.goTo);
  const open = useStepPanelStore((state) => state.agendaOpen);
  const toggle = useStepPanelStore((state) => state.toggleAgenda);
  if (!format || format.steps.length === 0) return null;
  const agenda = buildAgenda(format, currentIndex);

  return (
    <section className="agenda" aria-labelledby="agenda-heading" data-testid="agenda">
      <header className="agenda-header">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <button
          type="button"
          className="button-quiet agenda-toggle"
          aria-expanded={open}
          aria-controls="agenda-list"
          onClick={toggle}
        >
          {open ? t('agenda.hide') : t('agenda.show')}
        </button>
      </header>
      {open && (
        <>
          <ol id="agenda-list" className="agenda-list">
            {agenda.items.map((item) => (
              <AgendaRow key={item.step.id} item={item} canLead={canLead} onGo={() => goTo(item.index)} />
            ))}
          </ol>
          <p className="agenda-total" data-testid="agenda-total">
            <span>{t('agenda.total', { duration: formatDuration(t, agenda.totalMinutes) })}</span>
            {currentIndex !== null && (
              <span>{t('agenda.left', { duration: formatDuration(t, agenda.remainingMinutes) })}</span>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function AgendaRow({ item, canLead, onGo }: { item: AgendaItem; canLead: boolean; onGo: () => void }) {
  const t = useT();
  const local = useLocalized();
  const title = local(item.step.title);
  const content = (
    <>
      <span className="agenda-marker" aria-hidden="true">
        {item.status === 'done' ? '✓' : item.number}
      </span>
      <span className="agenda-title">
        {item.status === 'done' && <span className="visually-hidden">{item.number}. </span>}
        {title}
        {item.status === 'done' && <span className="visually-hidden"> ({t('agenda.done')})</span>}
        {item.status === 'current' && <span className="agenda-status">{t('agenda.now')}</span>}
      </span>
      <span className="agenda-minutes">{formatDuration(t, item.minutes)}</span>
    </>
  );
  return (
    <li
      className={`agenda-item agenda-${item.status}`}
      aria-current={item.status === 'current' ? 'step' : undefined}
      data-step-id={item.step.id}
      data-status={item.status}
    >
      {canLead && item.status !== 'current' ? (
        <button
          type="button"
          className="agenda-go"
          onClick={onGo}
          title={t('agenda.goTo', { number: item.number, title })}
        >
          {content}
        </button>
      ) : (
        <div className="agenda-row">{content}</div>
      )}
    </li>
  );
}
