import type { ReportPhoto } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatInstant } from './report-format';

/** The board's photos of paper sheets, attached to the report by id. */
export function ReportPhotos({ photos }: { photos: ReportPhoto[] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <section
      className="card report-section"
      aria-labelledby="report-photos-heading"
      data-report-section="photos"
    >
      <h2 id="report-photos-heading">{t('report.section.photos')}</h2>
      {photos.length === 0 ? (
        <p className="muted">{t('report.photos.none')}</p>
      ) : (
        <>
          <p className="report-count">{t('report.photos.count', { count: photos.length })}</p>
          <ul className="report-photos">
            {photos.map((photo) => (
              <li key={photo.id}>
                {t('report.photos.line', {
                  author: photo.author,
                  time: formatInstant(language, photo.takenAt),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
