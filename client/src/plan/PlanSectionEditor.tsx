import { PLAN_SECTION_MAX, type PlanSection } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { warsawDateTime } from './plan-format';
import { usePlanStore } from './plan-store';

/**
 * One section of the plan: plain text, saved with the revision it was opened at. When someone saved
 * it meanwhile, the save is refused and both texts stand side by side to merge — nothing is lost.
 */
export function PlanSectionEditor({ section, canEdit }: { section: PlanSection; canEdit: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const draft = usePlanStore((state) => state.drafts[section.id]);
  const stale = usePlanStore((state) => state.stale[section.id]);
  const saving = usePlanStore((state) => state.saving === section.id);
  const setDraft = usePlanStore((state) => state.setDraft);
  const save = usePlanStore((state) => state.save);
  const merge = usePlanStore((state) => state.merge);
  const text = draft ?? section.text;
  const dirty = draft !== undefined && draft !== section.text;
  const headingId = `plan-section-${section.id}`;

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
      {!canEdit ? (
        section.text.trim() ? (
          <p className="plan-text">{section.text}</p>
        ) : (
          <p className="muted">{t('plan.section.empty')}</p>
        )
      ) : (
        <>
          {stale && (
            <div className="alert alert-warning plan-stale" role="alert" data-testid="plan-stale">
              <div>
                <strong>{t('plan.stale.heading')}</strong>
                <p>{t('plan.stale.body')}</p>
                <p className="small">{t('plan.stale.theirs', { name: stale.updatedBy ?? '—' })}</p>
                <pre className="plan-theirs" data-testid="plan-theirs">
                  {stale.text}
                </pre>
                <div className="plan-row">
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => merge(section.id, 'append')}
                  >
                    {t('plan.stale.appendTheirs')}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => merge(section.id, 'take')}
                  >
                    {t('plan.stale.takeTheirs')}
                  </button>
                </div>
              </div>
            </div>
          )}
          <label className="field">
            <span className={stale ? '' : 'visually-hidden'}>{t('plan.stale.yours')}</span>
            <textarea
              className="plan-textarea"
              rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
              value={text}
              maxLength={PLAN_SECTION_MAX}
              aria-labelledby={stale ? undefined : headingId}
              onChange={(event) => setDraft(section.id, event.target.value)}
            />
          </label>
          <div className="plan-row">
            <button
              type="button"
              className="button-primary"
              disabled={saving || (!dirty && !stale)}
              onClick={() => void save(section.id)}
            >
              {stale ? t('plan.stale.saveMerged') : t('plan.section.save')}
            </button>
            <span className="muted small" aria-live="polite">
              {dirty ? t('plan.section.unsaved') : section.revision > 0 ? t('plan.section.saved') : ''}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
