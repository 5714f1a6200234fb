import { agendaTotals, type ReportAgendaItem } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { useReportStore } from './report-store';

/** Planned and actual minutes per agenda item; the pair may correct the actual ones and comment. */
export function ReportAgendaTable({ agenda, editable }: { agenda: ReportAgendaItem[]; editable: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const editItem = useReportStore((state) => state.editAgendaItem);
  const totals = agendaTotals(agenda);
  const notMeasured = <span className="muted">{t('report.agenda.notMeasured')}</span>;

  return (
    <section
      className="card report-section"
      aria-labelledby="report-agenda-heading"
      data-report-section="agenda"
    >
      <h2 id="report-agenda-heading">{t('report.section.agenda')}</h2>
      {editable && <p className="muted small">{t('report.hint.agenda')}</p>}
      {agenda.length === 0 ? (
        <p>{t('report.agenda.none')}</p>
      ) : (
        <div className="report-scroll" role="region" aria-labelledby="report-agenda-heading" tabIndex={0}>
          <table className="report-table report-agenda">
            <thead>
              <tr>
                <th scope="col">{t('report.agenda.item')}</th>
                <th scope="col" className="report-num">
                  {t('report.agenda.planned')}
                </th>
                <th scope="col" className="report-num">
                  {t('report.agenda.actual')}
                </th>
                <th scope="col">{t('report.agenda.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {agenda.map((item, index) => {
                const title = item.title[language];
                const over = item.actualMinutes !== null && item.actualMinutes > item.plannedMinutes;
                return (
                  <tr key={item.stepId} data-step={item.stepId}>
                    <th scope="row">{title}</th>
                    <td className="report-num">{item.plannedMinutes}</td>
                    <td className={over ? 'report-num report-over' : 'report-num'} data-col="actual">
                      {editable ? (
                        <input
                          type="number"
                          min={0}
                          max={1440}
                          inputMode="numeric"
                          className="report-minutes"
                          aria-label={t('report.agenda.actualOf', { item: title })}
                          value={item.actualMinutes ?? ''}
                          placeholder="—"
                          onChange={(event) => {
                            const value = event.target.value.trim();
                            const minutes = Number.parseInt(value, 10);
                            editItem(index, {
                              actualMinutes:
                                value === '' || Number.isNaN(minutes)
                                  ? null
                                  : Math.min(1440, Math.max(0, minutes)),
                            });
                          }}
                        />
                      ) : (
                        (item.actualMinutes ?? notMeasured)
                      )}
                    </td>
                    <td>
                      {editable ? (
                        <input
                          className="report-comment"
                          maxLength={500}
                          aria-label={t('report.agenda.commentOf', { item: title })}
                          value={item.comment}
                          onChange={(event) => editItem(index, { comment: event.target.value })}
                        />
                      ) : (
                        item.comment || '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.agenda.total')}</th>
                <td className="report-num">{totals.planned}</td>
                <td className="report-num">{totals.actual ?? notMeasured}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          {totals.measured > 0 && totals.measured < agenda.length && (
            <p className="muted small report-partial" data-agenda-partial>
              {t('report.agenda.partial', {
                measured: totals.measured,
                count: agenda.length,
                planned: totals.plannedMeasured,
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
