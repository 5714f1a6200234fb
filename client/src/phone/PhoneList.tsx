import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { privateRoundOf } from '@empiria/shared';
import type { Identity } from '@empiria/shared';
import { useBoardEditor, useSession } from '../session/board-context';
import { useStepStore } from '../control/step-store';
import { useEditorValue } from '../facilitation/board-items';
import { usePrivateWriting } from '../facilitation/use-private-writing';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { Icon } from '../ui/icons';
import { readSheetNotes } from '../zones/read-sheet-notes';
import { sheetContents } from '../zones/sheet-contents';
import type { ZoneSection } from '../zones/sheet-contents';
import { ZoneSections } from '../zones/ZoneSections';
import { addPhoneNote } from './phone-notes';
import { PhoneVote } from './PhoneVote';

/**
 * The board on a phone, as a list: the board's title and the current step's instruction, its
 * zones as sections with their notes in readable type, a field under each zone to write a note
 * into it, and the open vote's items with buttons (its ranking once closed). During private
 * writing a line says so, and one's own notes say "only you". Everything goes through the same
 * canvas as everyone else's.
 */
export function PhoneList({ identity, canWrite }: { identity: Identity; canWrite: boolean }) {
  const t = useT();
  const local = useLocalized();
  const boardTitle = useSession().join.board.title;
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const synced = useStepStore((state) => state.synced);
  const layout = useMemo(() => (format && format.steps.length > 0 ? layoutOf(format) : null), [format]);
  const step = format && currentIndex !== null ? (format.steps[currentIndex] ?? null) : null;
  const stepId = step?.id ?? '';
  const notes = useEditorValue('phone list notes', (editor) => readSheetNotes(editor, stepId), [], [stepId]);
  const sections = useMemo(
    () => (layout && stepId ? sheetContents(layout, stepId, notes) : []),
    [layout, stepId, notes],
  );
  // Private notes never leave their author's device: every one this canvas holds is one's own.
  const privateIds = useEditorValue(
    'phone list private notes',
    (editor) =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note' && privateRoundOf(shape) !== null)
        .map((shape) => shape.id as string)
        .join(' '),
    '',
  );
  const isPrivate = useMemo(() => new Set(privateIds.split(' ').filter(Boolean)), [privateIds]);
  return (
    <div className="phone-list" data-testid="phone-list">
      {step && format && currentIndex !== null ? (
        <header className="phone-step" data-testid="phone-step" data-step-id={step.id}>
          <p className="phone-board-title" data-testid="phone-board-title">
            {boardTitle}
          </p>
          <p className="phone-step-number">
            {t('step.of', { number: currentIndex + 1, total: format.steps.length })}
          </p>
          <h2 className="phone-step-title" data-testid="phone-step-title">
            {local(step.title)}
          </h2>
          <p className="phone-step-instruction">{local(step.instruction)}</p>
        </header>
      ) : (
        <header className="phone-step">
          <p className="phone-board-title" data-testid="phone-board-title">
            {boardTitle}
          </p>
          <h2 className="phone-step-title">{synced ? t('step.notStarted.title') : t('step.loading')}</h2>
          {synced && <p className="phone-step-instruction">{t('step.notStarted.body')}</p>}
        </header>
      )}
      <PhonePrivateLine />
      {step && <PhoneVote stepId={step.id} />}
      {step && sections.length === 0 && <p className="phone-empty">{t('scribe.noZones')}</p>}
      <div className="phone-sections">
        <ZoneSections
          sections={sections}
          extra={canWrite ? (section) => <PhoneWrite section={section} identity={identity} /> : undefined}
          noteExtra={(id) =>
            isPrivate.has(id) ? (
              <span className="phone-private-badge" data-testid="phone-private-badge">
                <Icon name="lock" size="0.9em" />
                {t('private.badge')}
              </span>
            ) : null
          }
        />
      </div>
    </div>
  );
}

/** While private writing runs: what it means for this person, and how many notes they have. */
function PhonePrivateLine() {
  const t = useT();
  const writing = usePrivateWriting();
  if (!writing) return null;
  const { writer, mine, unsent } = writing;
  return (
    <p className="phone-private" role="status" data-testid="phone-private">
      <Icon name="lock" />
      <span>
        <strong>{writer ? t('private.banner') : t('private.bannerLead')}</strong>
        {mine > 0 && <> {t('private.mine', { count: mine })}</>}
        {unsent > 0 && (
          <span className="phone-private-warning"> {t('private.unsent', { count: unsent })}</span>
        )}
      </span>
    </p>
  );
}

/** A note field grows with its text up to this many lines, then scrolls. */
const WRITE_MAX_LINES = 6;

function PhoneWrite({ section, identity }: { section: ZoneSection; identity: Identity }) {
  const t = useT();
  const local = useLocalized();
  const editor = useBoardEditor();
  const canLead = useStepStore((state) => state.canLead);
  const locked = useStepStore((state) => state.control.lockedSteps.includes(section.target.stepId));
  const [text, setText] = useState('');
  const [error, setError] = useState<'scribe.locked' | 'scribe.refused' | null>(null);
  const zone = section.cellLabel
    ? `${local(section.zoneLabel)} · ${local(section.cellLabel)}`
    : local(section.zoneLabel);
  const label = t('phone.write.label', { zone });
  const id = `phone-write-${section.target.number}`;
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => fitToText(field.current, WRITE_MAX_LINES), [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (!note || !editor) return;
    if (!canLead && locked) {
      setError('scribe.locked');
      return;
    }
    const result = addPhoneNote(editor, section.target, note, identity);
    if (!result.ok) {
      setError('scribe.refused');
      return;
    }
    setError(null);
    setText('');
  };

  return (
    <form className="phone-write" onSubmit={submit} data-testid="phone-write">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={field}
        rows={1}
        value={text}
        placeholder={t('phone.write.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
        }}
        data-testid="phone-write-text"
      />
      <button type="submit" className="button-primary" disabled={!text.trim()} aria-label={label}>
        {t('phone.write.submit')}
      </button>
      {error && (
        <p className="phone-write-error" role="alert">
          {t(error)}
        </p>
      )}
    </form>
  );
}

/** A text field as tall as its text, up to `maxLines` lines; past them it scrolls. */
function fitToText(field: HTMLTextAreaElement | null, maxLines: number): void {
  if (!field) return;
  const style = getComputedStyle(field);
  const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
  const frame =
    Number.parseFloat(style.paddingTop) +
    Number.parseFloat(style.paddingBottom) +
    Number.parseFloat(style.borderTopWidth) +
    Number.parseFloat(style.borderBottomWidth);
  field.style.height = 'auto';
  const wanted =
    field.scrollHeight + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.borderBottomWidth);
  field.style.height = `${Math.min(wanted, line * maxLines + frame)}px`;
  field.style.overflowY = wanted > line * maxLines + frame ? 'auto' : 'hidden';
}
