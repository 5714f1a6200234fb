import { ATTENDANCE_MARKS, type ArchiveResponse, type AttendanceMark } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatRate, shortMeetingDate } from './archive-view';

/**
 * Cities × meetings (oldest first) with each city's rate. A real table: a caption, column and row
 * headers, marks in words (not colour alone); on a phone it scrolls sideways with the city column
 * kept in view.
 */
export function AttendanceMatrix({ attendance }: { attendance: ArchiveResponse['attendance'] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { meetings, cities } = attendance;

  return (
    <section className="card archive-section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('archive.matrix.heading')}</h2>
      {cities.length === 0 ? (
        <p className="muted">{t('archive.matrix.empty')}</p>
      ) : meetings.length === 0 ? (
        <p className="muted">{t('archive.matrix.noMeetings')}</p>
      ) : (
        <>
          {/* Focusable, so a keyboard can scroll it too. */}
          <div className="attendance-scroll" role="region" aria-labelledby="attendance-heading" tabIndex={0}>
            <table className="attendance-table" data-testid="attendance-matrix">
              <caption className="visually-hidden">{t('archive.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="attendance-city">
                    {t('archive.matrix.city')}
                  </th>
                  {meetings.map((meeting) => (
                    <th scope="col" key={meeting.id} data-meeting-id={meeting.id}>
                      <span className="attendance-meeting-title">{meeting.title}</span>
                      <span className="attendance-meeting-date">
                        {shortMeetingDate(language, meeting.startsAt)}
                      </span>
                    </th>
                  ))}
                  <th scope="col" className="attendance-rate">
                    {t('archive.matrix.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cities.map((row) => (
                  <tr key={row.cityId} data-city={row.city}>
                    <th scope="row" className="attendance-city">
                      {row.city}
                      {row.observer && (
                        <span className="attendance-observer" data-testid="observer-label">
                          {t('archive.matrix.observer')}
                        </span>
                      )}
                    </th>
                    {row.marks.map((mark, index) => (
                      <td key={meetings[index]?.id ?? index} className={`attendance-mark mark-${mark}`}>
                        <MarkText mark={mark} />
                      </td>
                    ))}
                    <td className="attendance-rate">
                      {row.observer ? (
                        <span className="muted">{t('archive.matrix.observerRate')}</span>
                      ) : row.rate === null ? (
                        <span className="muted">{t('archive.matrix.noRate')}</span>
                      ) : (
                        <>
                          <strong>{formatRate(language, row.rate)}</strong>{' '}
                          <span className="muted small">
                            ({t('archive.matrix.rateOf', { attended: row.attended, counted: row.counted })})
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small attendance-scroll-hint">{t('archive.matrix.scrollHint')}</p>
          <MarksLegend observers={cities.some((row) => row.observer)} />
        </>
      )}
    </section>
  );
}

function MarkText({ mark }: { mark: AttendanceMark }) {
  const t = useT();
  if (mark === 'absent') {
    return (
      <>
        <span aria-hidden="true">{t('archive.mark.absent')}</span>
        <span className="visually-hidden">{t('archive.mark.absentSpoken')}</span>
      </>
    );
  }
  return <>{t(`archive.mark.${mark}`)}</>;
}

function MarksLegend({ observers }: { observers: boolean }) {
  const t = useT();
  return (
    <details className="attendance-legend">
      <summary>{t('archive.legend.heading')}</summary>
      <dl>
        {ATTENDANCE_MARKS.map((mark) => (
          <div key={mark}>
            <dt className={`attendance-mark mark-${mark}`}>{t(`archive.mark.${mark}`)}</dt>
            <dd>{t(`archive.legend.${mark}`)}</dd>
          </div>
        ))}
        {observers && (
          <div>
            <dt>
              <span className="attendance-observer">{t('archive.matrix.observer')}</span>
            </dt>
            <dd>{t('archive.legend.observer')}</dd>
          </div>
        )}
      </dl>
    </details>
  );
}
