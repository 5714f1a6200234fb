import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { PLAN_SECTION_MAX, planSectionText, type PlanSection } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { warsawDateTime } from './plan-format';
import { usePlanLiveStore, type SectionWriter } from './plan-live-store';
import { bindTextarea } from './textarea-binding';

/**
 * One section of the plan. Its writers ([W6]) type in the shared document, live; everyone else
 * reads the text as last saved. "Last change" comes from the server's copy, which follows the
 * document at each pause in typing.
 */
export function PlanSectionEditor({ section, canWrite }: { section: PlanSection; canWrite: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const doc = usePlanLiveStore((state) => state.doc);
  const writers = usePlanLiveStore((state) => state.writers[section.id]);
  const headingId = `plan-section-${section.id}`;
  const text = doc && canWrite ? planSectionText(doc, section.id) : null;

  return (
    <section
      className="card plan-section"
      aria-labelledby={headingId}
      data-testid={`plan-section-${section.id}`}
    >
      <h2 id={headingId}>{t(`plan.section.${section.id}`)}</h2>
      {section.updatedAt && section.updatedBy && (
        <p className="muted small">
          {t('plan.section.savedBy', {
            name: section.updatedBy,
            when: warsawDateTime(section.updatedAt, language),
          })}
        </p>
      )}
      {canWrite && <Writers writers={writers ?? []} />}
      {text ? (
        <LiveText text={text} sectionId={section.id} labelledBy={headingId} />
      ) : canWrite ? (
        <p className="muted" data-testid="plan-waiting">
          {t('plan.live.waiting')}
        </p>
      ) : section.text.trim() ? (
        <p className="plan-text">{section.text}</p>
      ) : (
        <p className="muted">{t('plan.section.empty')}</p>
      )}
    </section>
  );
}

function Writers({ writers }: { writers: SectionWriter[] }) {
  const t = useT();
  if (writers.length === 0) return null;
  return (
    <p className="plan-writers small" data-testid="plan-writers" aria-live="polite">
      {t('plan.live.writing')}
      {writers.map((writer) => (
        <span key={writer.id} className="plan-writer" style={{ borderColor: writer.color }}>
          <span className="plan-writer-dot" style={{ background: writer.color }} aria-hidden="true" />
          {writer.name}
        </span>
      ))}
    </p>
  );
}

/** The textarea bound to the section's shared text; React renders it once and lets the binding own it. */
function LiveText({
  text,
  sectionId,
  labelledBy,
}: {
  text: Y.Text;
  sectionId: PlanSection['id'];
  labelledBy: string;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const ref = useRef<HTMLTextAreaElement>(null);
  const focus = usePlanLiveStore((state) => state.focus);
  const [length, setLength] = useState(text.length);
  const [rows, setRows] = useState(rowsFor(text.toString()));

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    const unbind = bindTextarea(textarea, text);
    const measure = () => {
      setLength(textarea.value.length);
      setRows(rowsFor(textarea.value));
    };
    measure();
    textarea.addEventListener('input', measure);
    textarea.addEventListener('empiria:remote-input', measure);
    return () => {
      unbind();
      textarea.removeEventListener('input', measure);
      textarea.removeEventListener('empiria:remote-input', measure);
    };
  }, [text]);

  // The count matters only near the limit; below it, it is noise under every section.
  const nearLimit = length >= PLAN_SECTION_MAX * 0.8;
  return (
    <>
      <textarea
        ref={ref}
        className="plan-textarea"
        rows={rows}
        maxLength={PLAN_SECTION_MAX}
        aria-labelledby={labelledBy}
        aria-describedby={nearLimit ? `${labelledBy}-length` : undefined}
        data-testid={`plan-text-${sectionId}`}
        onFocus={() => focus(sectionId)}
        onBlur={() => focus(null)}
      />
      {nearLimit && (
        <p id={`${labelledBy}-length`} className="muted small plan-length">
          {t('plan.live.length', {
            count: length.toLocaleString(language),
            max: PLAN_SECTION_MAX.toLocaleString(language),
          })}
        </p>
      )}
    </>
  );
}

const rowsFor = (value: string) => Math.min(14, Math.max(4, value.split('\n').length + 1));
