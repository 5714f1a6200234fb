import { CASE_FIELD_IDS, type ContinuityResponse } from '@empiria/shared';
import { useValue } from 'tldraw';
import type { Editor } from 'tldraw';
import { useBoardEditor } from '../session/board-context';
import { useStepStore } from '../control/step-store';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { insertCaseOnFreeCard, isCaseCardsStep } from './case-insert';
import { useCaseNoticeStore } from './case-notice-store';
import { useRights } from '../facilitation/use-rights';

type Case = ContinuityResponse['cases'][number];

/** Whether the current step is Format 3's "case cards", where earlier cases are offered. */
export function useCaseCardsStep() {
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  return format && step && isCaseCardsStep(format, step) ? { format, step } : null;
}

/**
 * "Cases from earlier meetings" in the continuity card, on the case cards step: each earlier case
 * (city and solution, unfolding to all its fields and its meeting) and, for those who may work on
 * the sheet, "Insert on a free card". The insertion itself is `insertCaseOnFreeCard`.
 */
export function CaseCards({ cases, dateOf }: { cases: Case[]; dateOf: (startsAt: string) => string }) {
  const t = useT();
  const local = useLocalized();
  const here = useCaseCardsStep();
  const editor = useBoardEditor();
  const canWork = useRights().canWork;
  const canLead = useRights().canLead;
  const locked = useStepStore((state) => state.control.lockedSteps);
  const notice = useCaseNoticeStore((state) => state.notice);
  const noticeStep = useCaseNoticeStore((state) => state.stepId);
  if (!here || cases.length === 0) return null;
  const { format, step } = here;
  const zone = step.zones.find((z) => z.kind === 'cards');
  if (zone?.kind !== 'cards') return null;
  const labelOf = (id: string) => {
    const field = zone.fields.find((f) => f.id === id);
    return field ? local(field.label) : id;
  };
  const sheetLocked = locked.includes(step.id) && !canLead;
  const insert = (item: Case) => {
    if (!editor) return;
    const card = insertCaseOnFreeCard(editor, format, step.id, item.fields, {
      meetingId: item.meetingId,
      meetingTitle: item.meetingTitle,
      startsAt: item.startsAt,
    });
    useCaseNoticeStore
      .getState()
      .show(
        step.id,
        card ? { kind: 'inserted', card: `${local(zone.card)} ${card}` } : { kind: 'no-free-card' },
      );
  };
  return (
    <details className="continuity-part" open data-testid="continuity-cases">
      <summary>{t('continuity.cases')}</summary>
      <p className="continuity-muted">{t('continuity.casesHint')}</p>
      {sheetLocked && canWork && <p className="continuity-muted">{t('continuity.casesLocked')}</p>}
      <ul className="continuity-cases">
        {cases.map((item, i) => {
          const city = item.fields.city || t('continuity.caseNoCity');
          return (
            <li key={`${item.meetingId}-${i}`} data-testid="continuity-case">
              <details>
                <summary>
                  <strong>{city}</strong>
                  {item.fields.solution && <> — {item.fields.solution}</>}
                </summary>
                <dl className="continuity-case-fields">
                  {CASE_FIELD_IDS.filter((id) => item.fields[id]).map((id) => (
                    <div key={id}>
                      <dt>{labelOf(id)}</dt>
                      <dd>{item.fields[id]}</dd>
                    </div>
                  ))}
                </dl>
                <p className="continuity-muted">
                  {t('continuity.caseFrom', { title: item.meetingTitle, date: dateOf(item.startsAt) })}
                </p>
              </details>
              {canWork && !sheetLocked && editor && (
                <InsertButton
                  editor={editor}
                  label={t('continuity.insertCaseLabel', { city })}
                  onInsert={() => insert(item)}
                >
                  {t('continuity.insertCase')}
                </InsertButton>
              )}
            </li>
          );
        })}
      </ul>
      {notice && noticeStep === step.id && (
        <p
          className={notice.kind === 'no-free-card' ? 'continuity-notice is-warning' : 'continuity-notice'}
          role="status"
          data-testid="continuity-case-notice"
        >
          {notice.kind === 'inserted'
            ? t('continuity.caseInserted', { card: notice.card })
            : t('continuity.noFreeCard')}
        </p>
      )}
    </details>
  );
}

/** The insert button, offered only while this person's tldraw may write (not read-only). */
function InsertButton({
  editor,
  label,
  onInsert,
  children,
}: {
  editor: Editor;
  label: string;
  onInsert: () => void;
  children: string;
}) {
  const readonly = useValue('empiria case insert readonly', () => editor.getIsReadonly(), [editor]);
  if (readonly) return null;
  return (
    <button
      type="button"
      className="button-secondary continuity-insert"
      onClick={onInsert}
      aria-label={label}
      data-testid="continuity-insert-case"
    >
      {children}
    </button>
  );
}
