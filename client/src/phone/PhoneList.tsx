import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Identity } from '@empiria/shared';
import { useBoardEditor } from '../session/board-context';
import { useStepStore } from '../control/step-store';
import { useEditorValue } from '../facilitation/board-items';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { readSheetNotes } from '../zones/read-sheet-notes';
import { sheetContents } from '../zones/sheet-contents';
import type { ZoneSection } from '../zones/sheet-contents';
import { ZoneSections } from '../zones/ZoneSections';
import { addPhoneNote } from './phone-notes';
import { PhoneVote } from './PhoneVote';

/**
 * The board on a phone, as a list: the current step's instruction, its zones as sections with
 * their notes in readable type, a field under each zone to write a note into it, and the open
 * vote's items with buttons. Everything goes through the same canvas as everyone else's.
 */
export function PhoneList({ identity, canWrite }: { identity: Identity; canWrite: boolean }) {
  const t = useT();
  const local = useLocalized();
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
  return (
    <div className="phone-list" data-testid="phone-list">
      {step && format && currentIndex !== null ? (
        <header className="phone-step" data-testid="phone-step" data-step-id={step.id}>
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
          <h2 className="phone-step-title">{synced ? t('step.notStarted.title') : t('step.loading')}</h2>
          {synced && <p className="phone-step-instruction">{t('step.notStarted.body')}</p>}
        </header>
      )}
      {step && <PhoneVote stepId={step.id} />}
      {step && sections.length === 0 && <p className="phone-empty">{t('scribe.noZones')}</p>}
      <div className="phone-sections">
        <ZoneSections
          sections={sections}
          extra={canWrite ? (section) => <PhoneWrite section={section} identity={identity} /> : undefined}
        />
      </div>
    </div>
  );
}

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
