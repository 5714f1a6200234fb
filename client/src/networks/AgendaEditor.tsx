import { useState } from 'react';
import { OWN_AGENDA_ITEMS, ownAgendaItemKindSchema, type OwnAgendaItemKind } from '@empiria/shared';
import { formatDuration } from '../formats/localized';
import { useLanguageStore, useT } from '../i18n/language-store';
import {
  MAX_ITEM_MINUTES,
  MIN_ITEM_MINUTES,
  OWN_ITEM_DEFAULT_MINUTES,
  endTime,
  formatSteps,
  itemStartTimes,
  totalMinutes,
  type AgendaFormatId,
  type DraftItem,
} from './agenda-draft';
import { FieldError } from './FieldError';
import { useMeetingDraftStore } from './meeting-draft-store';
import { formatClock, formatName, sameDay, stepTitle } from '../ui/network-format';

const FORMATS: readonly AgendaFormatId[] = ['format-0', 'format-1', 'format-2', 'format-3'];

/**
 * The meeting's agenda: steps of formats 0–3 and own items, each with its minutes, in order; the
 * running total and the end time. Read-only for the organiser (N3).
 */
export function AgendaEditor({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const items = useMeetingDraftStore((state) => state.items);
  const startsAt = useMeetingDraftStore((state) => state.fields.startsAt);
  const error = useMeetingDraftStore((state) => state.errors.agenda);
  const starts = itemStartTimes(startsAt, items);
  const end = endTime(startsAt, items);

  return (
    <fieldset className="agenda-editor" aria-describedby="agenda-total">
      <legend>{t('networkAdmin.agenda.heading')}</legend>
      {readOnly && <p className="muted">{t('networkAdmin.agenda.readOnly')}</p>}
      {items.length === 0 ? (
        <p className="muted">{t('networkAdmin.agenda.empty')}</p>
      ) : (
        <ol className="agenda-editor-list">
          {items.map((item, index) => (
            <AgendaRow
              key={item.key}
              item={item}
              index={index}
              last={index === items.length - 1}
              startsAt={starts[index] ?? null}
              readOnly={readOnly}
            />
          ))}
        </ol>
      )}
      <p className="agenda-editor-total" id="agenda-total" aria-live="polite">
        <strong>
          {t('networkAdmin.agenda.total', { duration: formatDuration(t, totalMinutes(items)) })}
        </strong>
        {end && startsAt && (
          <>
            {' · '}
            {sameDay(startsAt, end)
              ? t('networkAdmin.agenda.endsAt', { time: formatClock(end) })
              : t('networkAdmin.agenda.endsNextDay', { time: formatClock(end) })}
          </>
        )}
      </p>
      <FieldError error={error} />
      {!readOnly && (
        <div className="agenda-editor-add">
          <AddFormatSteps />
          <AddOwnItem />
        </div>
      )}
    </fieldset>
  );
}

function AgendaRow({
  item,
  index,
  last,
  startsAt,
  readOnly,
}: {
  item: DraftItem;
  index: number;
  last: boolean;
  startsAt: string | null;
  readOnly: boolean;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const moveItem = useMeetingDraftStore((state) => state.moveItem);
  const removeItem = useMeetingDraftStore((state) => state.removeItem);
  const setItemMinutes = useMeetingDraftStore((state) => state.setItemMinutes);
  const setItemTitle = useMeetingDraftStore((state) => state.setItemTitle);
  const label =
    item.kind === 'step'
      ? stepTitle(language, item.format, item.stepId)
      : item.title || t(`network.agenda.${item.kind}`);

  return (
    <li
      className={`agenda-editor-row agenda-editor-${item.kind === 'step' ? 'step' : 'own'}`}
      data-agenda-item={label}
    >
      <span className="agenda-editor-time">{startsAt ? formatClock(startsAt) : ''}</span>
      <span className="agenda-editor-what">
        <span className="agenda-editor-kind">
          {item.kind === 'step' ? formatName(language, item.format) : t(`network.agenda.${item.kind}`)}
        </span>
        {item.kind !== 'step' && !readOnly ? (
          <input
            className="agenda-editor-title"
            value={item.title}
            maxLength={200}
            placeholder={t(`network.agenda.${item.kind}`)}
            aria-label={t('networkAdmin.agenda.itemTitle', { number: index + 1 })}
            onChange={(event) => setItemTitle(item.key, event.target.value)}
          />
        ) : (
          <span className="agenda-editor-name">{label}</span>
        )}
      </span>
      <label className="agenda-editor-minutes">
        {readOnly ? (
          <span>{formatDuration(t, item.minutes)}</span>
        ) : (
          <>
            <input
              type="number"
              min={MIN_ITEM_MINUTES}
              max={MAX_ITEM_MINUTES}
              value={item.minutes}
              aria-label={t('networkAdmin.agenda.minutesOf', { title: label })}
              onChange={(event) => setItemMinutes(item.key, event.target.valueAsNumber)}
            />
            <span aria-hidden="true">min</span>
          </>
        )}
      </label>
      {!readOnly && (
        <span className="agenda-editor-buttons">
          <button
            type="button"
            className="button-quiet"
            disabled={index === 0}
            aria-label={t('networkAdmin.agenda.moveUp', { title: label })}
            onClick={() => moveItem(index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={last}
            aria-label={t('networkAdmin.agenda.moveDown', { title: label })}
            onClick={() => moveItem(index, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={t('networkAdmin.agenda.removeItem', { title: label })}
            onClick={() => removeItem(item.key)}
          >
            {t('networkAdmin.remove')}
          </button>
        </span>
      )}
    </li>
  );
}

/** Pick a format, then its steps (all ticked at first), each added with its format's minutes. */
function AddFormatSteps() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const addSteps = useMeetingDraftStore((state) => state.addSteps);
  const [format, setFormat] = useState<AgendaFormatId | ''>('');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const steps = format ? formatSteps(format) : [];
  const chosen = steps.filter((step) => !unticked.has(step.stepId));

  return (
    <div className="agenda-editor-picker">
      <h4>{t('networkAdmin.agenda.addSteps')}</h4>
      <label className="field">
        <span>{t('networkAdmin.agenda.format')}</span>
        <select
          name="agendaFormat"
          value={format}
          onChange={(event) => {
            setFormat(FORMATS.find((id) => id === event.target.value) ?? '');
            setUnticked(new Set());
          }}
        >
          <option value="">{t('networkAdmin.agenda.chooseFormat')}</option>
          {FORMATS.map((id) => (
            <option key={id} value={id}>
              {formatName(language, id)}
            </option>
          ))}
        </select>
      </label>
      {format && (
        <>
          <ul className="agenda-editor-steps">
            {steps.map((step) => (
              <li key={step.stepId}>
                <label>
                  <input
                    type="checkbox"
                    checked={!unticked.has(step.stepId)}
                    onChange={(event) => {
                      const next = new Set(unticked);
                      if (event.target.checked) next.delete(step.stepId);
                      else next.add(step.stepId);
                      setUnticked(next);
                    }}
                  />{' '}
                  {stepTitle(language, format, step.stepId)}{' '}
                  <span className="muted">({formatDuration(t, step.minutes)})</span>
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button-secondary"
            disabled={chosen.length === 0}
            onClick={() => {
              addSteps(
                format,
                chosen.map((step) => step.stepId),
              );
              setFormat('');
            }}
          >
            {t('networkAdmin.agenda.addChosen', { count: chosen.length })}
          </button>
        </>
      )}
    </div>
  );
}

/** A break, an expert's input, a review of funding calls or free discussion, with its title and minutes. */
function AddOwnItem() {
  const t = useT();
  const addOwnItem = useMeetingDraftStore((state) => state.addOwnItem);
  const [kind, setKind] = useState<OwnAgendaItemKind>('break');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(OWN_ITEM_DEFAULT_MINUTES.break);

  return (
    <div className="agenda-editor-picker">
      <h4>{t('networkAdmin.agenda.addOwn')}</h4>
      <div className="network-form-row">
        <label className="field">
          <span>{t('networkAdmin.agenda.ownKind')}</span>
          <select
            name="ownKind"
            value={kind}
            onChange={(event) => {
              const next = ownAgendaItemKindSchema.parse(event.target.value);
              setKind(next);
              setMinutes(OWN_ITEM_DEFAULT_MINUTES[next]);
            }}
          >
            {OWN_AGENDA_ITEMS.map((value) => (
              <option key={value} value={value}>
                {t(`network.agenda.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span>{t('networkAdmin.agenda.ownTitle')}</span>
          <input
            name="ownTitle"
            value={title}
            maxLength={200}
            placeholder={t(`network.agenda.${kind}`)}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field agenda-editor-own-minutes">
          <span>{t('networkAdmin.agenda.minutes')}</span>
          <input
            name="ownMinutes"
            type="number"
            min={MIN_ITEM_MINUTES}
            max={MAX_ITEM_MINUTES}
            value={minutes}
            onChange={(event) => setMinutes(event.target.valueAsNumber)}
          />
        </label>
      </div>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          addOwnItem(kind, title, minutes);
          setTitle('');
        }}
      >
        {t('networkAdmin.agenda.addOwnSubmit')}
      </button>
    </div>
  );
}
