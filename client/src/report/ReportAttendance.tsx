import type { ReportAttendee } from '@empiria/shared';
import { useT } from '../i18n/language-store';

/** Who attended, as the prefill took it from the attendance list (the organiser corrects the list itself). */
export function ReportAttendance({ attendance }: { attendance: ReportAttendee[] }) {
  const t = useT();
  return (
    <section
      className="card report-section"
      aria-labelledby="report-attendance-heading"
      data-report-section="attendance"
    >
      <h2 id="report-attendance-heading">{t('report.section.attendance')}</h2>
      <p className="muted small">{t('report.hint.attendance')}</p>
      {attendance.length === 0 ? (
        <p>{t('report.attendance.none')}</p>
      ) : (
        <>
          <p className="report-count">{t('report.attendance.count', { count: attendance.length })}</p>
          <div
            className="report-scroll"
            role="region"
            aria-labelledby="report-attendance-heading"
            tabIndex={0}
          >
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.attendance.name')}</th>
                  <th scope="col">{t('report.attendance.city')}</th>
                  <th scope="col">{t('report.attendance.where')}</th>
                </tr>
              </thead>
              <tbody>
                {attendance.map((person, index) => (
                  <tr key={`${person.name}-${index}`}>
                    <td>{person.name}</td>
                    <td>{person.city ?? '—'}</td>
                    <td>{t(`report.where.${person.where}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
