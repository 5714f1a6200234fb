import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useValue } from 'tldraw';
import type { TLShapeId } from 'tldraw';
import { noteZoneOf, type Identity } from '@empiria/shared';
import { useBoardEditor } from '../session/board-context';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { useHybridStore } from './hybrid-store';
import { Icon } from '../ui/icons';
import { digitKey, stepTarget } from './scribe-keys';
import { addScribeNote } from './scribe-notes';
import { useScribeStore } from './scribe-store';
import { scribeTargets } from '../zones/scribe-targets';
import type { ScribeTarget } from '../zones/scribe-targets';
import { countByTarget, groupTargets, targetLabel } from '../zones/scribe-view';

/**
 * "Wpisywanie z sali": the scribe types the room's paper notes into the board, keyboard first.
 * The sheet's zones (and cells) are numbered; a digit in the empty field picks one, the text and
 * Enter add the note in a free place of that zone, and the focus stays for the next note.
 */
export function ScribePanel({ identity }: { identity: Identity }) {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const lockedSteps = useStepStore((state) => state.control.lockedSteps);
  const editor = useBoardEditor();
  const chosenStep = useScribeStore((state) => state.stepId);
  const number = useScribeStore((state) => state.number);
  const recent = useScribeStore((state) => state.recent);
  const message = useScribeStore((state) => state.message);
  const close = () => useHybridStore.getState().setScribeOpen(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  const steps = format?.steps ?? [];
  const layout = format && steps.length > 0 ? layoutOf(format) : null;
  const groupStep = steps[currentIndex ?? 0];
  const stepId = chosenStep ?? groupStep?.id ?? null;
  const targets = useMemo(() => (layout && stepId ? scribeTargets(layout, stepId) : []), [layout, stepId]);
  const target = targets.find((candidate) => candidate.number === number) ?? targets[0] ?? null;

  const zoneKey = useValue(
    'empiria scribe zones',
    () => {
      if (!editor) return '';
      const zones: string[] = [];
      for (const shape of editor.getCurrentPageShapes()) {
        if (shape.type !== 'note') continue;
        const zone = noteZoneOf(shape);
        if (zone && zone.stepId === stepId) zones.push(`${zone.zoneId}|${zone.cellId ?? ''}`);
      }
      return zones.sort().join('\n');
    },
    [editor, stepId],
  );
  const counts = useMemo(() => {
    const zones = zoneKey
      .split('\n')
      .filter(Boolean)
      .map((key) => {
        const [zoneId = '', cellId = ''] = key.split('|');
        return cellId ? { stepId: stepId ?? '', zoneId, cellId } : { stepId: stepId ?? '', zoneId };
      });
    return countByTarget(targets, zones);
  }, [zoneKey, targets, stepId]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const focusInput = () => input.current?.focus();
  const choose = (next: number) => {
    useScribeStore.getState().choose(next);
    focusInput();
  };

  const submit = () => {
    const note = text.trim();
    const scribe = useScribeStore.getState();
    if (!note || !target || !editor) return;
    if (!canLead && lockedSteps.includes(target.stepId)) {
      scribe.say('scribe.locked', undefined, 'error');
      return;
    }
    const result = addScribeNote(editor, target, note, identity);
    if (!result.ok) {
      scribe.say('scribe.refused', undefined, 'error');
      return;
    }
    setText('');
    scribe.added({ id: result.id, number: target.number, text: note });
    const shape = editor.getShape(result.id);
    const scale = (shape?.props as { scale?: number } | undefined)?.scale ?? 1;
    if (result.overlapping) scribe.say('scribe.full', { number: target.number }, 'warn');
    else if (scale < 1) scribe.say('scribe.shrunk', { number: target.number }, 'warn');
    else scribe.say('scribe.added', { number: target.number, label: local(targetLabel(target)) });
    focusInput();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
      return;
    }
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !text.includes('\n')) {
      event.preventDefault();
      choose(stepTarget(target?.number ?? 1, event.key === 'ArrowUp' ? -1 : 1, targets.length));
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (text) setText('');
      else close();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const outcome = digitKey({
      digit: event.key,
      text,
      pick: useScribeStore.getState().pick,
      now: Date.now(),
      count: targets.length,
    });
    if (outcome.kind === 'pick') {
      event.preventDefault();
      useScribeStore.getState().choose(outcome.pick.number, outcome.pick);
    }
  };

  const undo = () => {
    const last = useScribeStore.getState().recent[0];
    if (!last || !editor) return;
    const id = last.id as TLShapeId;
    if (editor.getShape(id)) {
      editor.markHistoryStoppingPoint('scribe remove');
      editor.deleteShapes([id]);
    }
    useScribeStore.getState().removed(last.id);
    useScribeStore.getState().say('scribe.undone', { text: shorten(last.text) });
    focusInput();
  };

  return (
    <aside className="scribe-panel" aria-labelledby="scribe-heading" data-testid="scribe-panel">
      <header className="scribe-header">
        <h2 id="scribe-heading">
          <Icon name="keyboard" /> {t('scribe.heading')}
        </h2>
        <button
          type="button"
          className="hy-icon-button"
          onClick={close}
          aria-label={t('scribe.close')}
          title={t('scribe.close')}
        >
          <Icon name="close" />
        </button>
      </header>

      {steps.length === 0 ? (
        <p className="hy-muted">{t('scribe.noSheets')}</p>
      ) : (
        <>
          <label className="scribe-sheet">
            <span>{t('scribe.sheet')}</span>
            <select
              value={chosenStep ?? ''}
              onChange={(event) => {
                useScribeStore.getState().setStep(event.target.value || null);
                focusInput();
              }}
              data-testid="scribe-sheet"
            >
              {groupStep && (
                <option value="">
                  {t('scribe.sheetGroup', { number: (currentIndex ?? 0) + 1, title: local(groupStep.title) })}
                </option>
              )}
              {steps.map((step, index) => (
                <option key={step.id} value={step.id}>
                  {t('scribe.sheetOption', { number: index + 1, title: local(step.title) })}
                </option>
              ))}
            </select>
          </label>

          <h3 className="scribe-zones-heading" id="scribe-zones">
            {t('scribe.zones')}
          </h3>
          {targets.length === 0 ? (
            <p className="hy-muted">{t('scribe.noZones')}</p>
          ) : (
            <div className="scribe-targets" role="radiogroup" aria-labelledby="scribe-zones">
              {groupTargets(targets).map((group) => (
                <div key={group.zoneId} className="scribe-group">
                  {group.heading && <p className="scribe-group-heading">{local(group.heading)}</p>}
                  {group.targets.map((candidate) => (
                    <TargetButton
                      key={candidate.number}
                      target={candidate}
                      label={local(targetLabel(candidate))}
                      count={counts[candidate.number] ?? 0}
                      selected={candidate.number === target?.number}
                      onChoose={() => choose(candidate.number)}
                    />
                  ))}
                </div>
              ))}
            </div>
          )}

          <form
            className="scribe-entry"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <label className="scribe-entry-label" htmlFor="scribe-text">
              {target ? (
                <>
                  <span className="scribe-entry-number">{target.number}</span>
                  <span>{local(targetLabel(target))}</span>
                </>
              ) : (
                t('scribe.textLabel')
              )}
            </label>
            <textarea
              id="scribe-text"
              ref={input}
              className="scribe-text"
              rows={2}
              value={text}
              maxLength={2000}
              placeholder={t('scribe.placeholder')}
              aria-label={t('scribe.textLabel')}
              aria-describedby="scribe-keys"
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onKeyDown}
              disabled={targets.length === 0}
              data-testid="scribe-text"
            />
            <button
              type="submit"
              className="button-primary scribe-add"
              disabled={!text.trim() || !target}
              data-testid="scribe-add"
            >
              {t('scribe.add')} <kbd className="key-hint">Enter</kbd>
            </button>
            <div id="scribe-keys">
              <ul className="scribe-keys">
                <li>
                  <kbd>1–9</kbd>
                  {t('scribe.keyDigits')}
                </li>
                <li>
                  <kbd>↑</kbd>
                  <kbd>↓</kbd>
                  {t('scribe.keyArrows')}
                </li>
                <li>
                  <kbd>Enter</kbd>
                  {t('scribe.keyEnter')}
                </li>
                <li>
                  <kbd>Shift+Enter</kbd>
                  {t('scribe.keyNewLine')}
                </li>
              </ul>
              <p className="hy-muted scribe-digit-note">{t('scribe.digitNote')}</p>
            </div>
          </form>
        </>
      )}

      <p
        className={`scribe-message${message ? ` is-${message.tone}` : ''}`}
        role="status"
        aria-live="polite"
        data-testid="scribe-message"
      >
        {message ? t(message.key, message.params) : ''}
      </p>

      {recent.length > 0 && (
        <section className="scribe-recent" aria-labelledby="scribe-recent">
          <div className="scribe-recent-header">
            <h3 id="scribe-recent">{t('scribe.recent')}</h3>
            <button type="button" className="button-quiet scribe-undo" onClick={undo}>
              <Icon name="back" /> {t('scribe.undo')}
            </button>
          </div>
          <ol>
            {recent.map((note) => (
              <li key={note.id}>
                <span className="scribe-recent-number">{note.number}</span>
                <span className="scribe-recent-text">{note.text}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="hy-muted scribe-signed">
        {t('scribe.signed', { name: identity.name, city: identity.city })}
      </p>
    </aside>
  );
}

function TargetButton({
  target,
  label,
  count,
  selected,
  onChoose,
}: {
  target: ScribeTarget;
  label: string;
  count: number;
  selected: boolean;
  onChoose: () => void;
}) {
  const t = useT();
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      className={`scribe-target${selected ? ' is-selected' : ''}`}
      onClick={onChoose}
      tabIndex={-1}
      data-testid="scribe-target"
      data-number={target.number}
      data-zone-id={target.zoneId}
      data-cell-id={target.cellId ?? ''}
    >
      <span className="scribe-target-number">{target.number}</span>
      <span className="scribe-target-label">{label}</span>
      <span className="scribe-target-count" title={t('scribe.count', { count })}>
        {count}
      </span>
    </button>
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
