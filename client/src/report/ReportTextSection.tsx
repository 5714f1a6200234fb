import type { MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';

/** The form's free-text limit (meeting-report.ts `formText`). */
const FORM_TEXT_MAX = 4000;

/** One free-text part of the form: a textarea for the pair, the text for everyone else. */
export function ReportTextSection(props: {
  id: string;
  heading: MessageKey;
  hint: MessageKey;
  value: string;
  editable: boolean;
  onChange(value: string): void;
}) {
  const t = useT();
  const headingId = `report-${props.id}-heading`;
  const hintId = `report-${props.id}-hint`;
  return (
    <section className="card report-section" aria-labelledby={headingId} data-report-section={props.id}>
      <h2 id={headingId}>{t(props.heading)}</h2>
      {/* Where the prefill came from and what to write: for the writer, not for a reader of the filed report. */}
      {props.editable && (
        <p id={hintId} className="muted small">
          {t(props.hint)}
        </p>
      )}
      {props.editable ? (
        <textarea
          className="report-textarea"
          aria-labelledby={headingId}
          aria-describedby={hintId}
          rows={Math.min(12, Math.max(4, props.value.split('\n').length + 1))}
          maxLength={FORM_TEXT_MAX}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      ) : (
        <p className="report-text">{props.value || '—'}</p>
      )}
    </section>
  );
}
