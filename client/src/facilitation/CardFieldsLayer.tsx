import { useMemo } from 'react';
import { cardFields } from '@empiria/formats';
import { stopEventPropagation, useEditor, useValue } from 'tldraw';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { fieldKey, startFillingField, takenFields } from '../notes/card-field-texts';
import { useRights } from './use-rights';

/**
 * The card templates' form fields (step 7's test card: solution, pilot city, how we will know,
 * by when): an empty field shows "Fill in" where its answer goes, below its label; a click puts
 * a text there, ready to type, which wraps inside the field and never covers its label. Drawn
 * in page coordinates (inside the overlay's page layer), for the current step's sheet.
 */
export function CardFieldsLayer() {
  const t = useT();
  const local = useLocalized();
  const editor = useEditor();
  const canWork = useRights().canWork;
  const canLead = useRights().canLead;
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const locked = useStepStore((state) => state.control.lockedSteps);
  const voting = useStepStore((state) => state.control.voting?.status === 'open');
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  const fields = useMemo(
    () => (format && step && format.steps.length > 0 ? cardFields(layoutOf(format), step.id) : []),
    [format, step],
  );
  // Most steps have no card fields: then no note's bounds are read (thousands on a big board).
  const taken = useValue(
    'empiria taken fields',
    () => (fields.length === 0 ? '' : [...takenFields(editor, fields)].join('\n')),
    [editor, fields],
  );
  const readonly = useValue('empiria fields readonly', () => editor.getIsReadonly(), [editor]);
  if (fields.length === 0 || !canWork || readonly || voting) return null;
  if (step && locked.includes(step.id) && !canLead) return null;
  const done = new Set(taken.split('\n'));
  return (
    <>
      {fields
        .filter((field) => !done.has(fieldKey(field)))
        .map((field) => (
          <button
            key={field.cellId}
            type="button"
            className="fac-card-field"
            style={{ left: field.input.x, top: field.input.y, width: field.input.w, height: field.input.h }}
            onPointerDown={stopEventPropagation}
            onClick={() => startFillingField(editor, field)}
            aria-label={t('field.fillLabel', { field: local(field.label) })}
            data-testid="card-field"
            data-cell-id={field.cellId}
          >
            <span>{t('field.fill')}</span>
          </button>
        ))}
    </>
  );
}
