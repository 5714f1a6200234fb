import { useEffect } from 'react';
import type { Survey } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { usePendingSurveysStore } from './pending-surveys-store';
import { surveyPath } from './surveys-page-store';
import './surveys.css';

const NONE: Survey[] = [];

/**
 * "Ankiety do wypełnienia" on the personal home: the open surveys the person may still answer,
 * each a link to its form. Nothing is shown when there is none (or the list could not be read:
 * the home works the same without it).
 */
export function PendingSurveys({
  networkId,
  personalToken,
}: {
  networkId: string;
  personalToken: string | null;
}) {
  const t = useT();
  const pending = usePendingSurveysStore((state) => state.pending[networkId] ?? NONE);
  const load = usePendingSurveysStore((state) => state.load);
  useEffect(() => {
    if (personalToken) void load(networkId, personalToken);
  }, [networkId, personalToken, load]);
  if (pending.length === 0) return null;
  return (
    <section
      className="card survey-pending"
      aria-labelledby={`survey-pending-${networkId}`}
      data-testid="survey-pending"
    >
      <h3 id={`survey-pending-${networkId}`}>{t('surveys.home.heading')}</h3>
      <ul>
        {pending.map((survey) => (
          <li key={survey.id}>
            <a
              href={surveyPath(networkId, survey.id)}
              className="button-primary"
              data-testid="survey-pending-link"
            >
              {t(`surveys.kind.${survey.kind}`)}
            </a>
            {survey.meeting && (
              <span className="muted small">{t('surveys.forMeeting', { title: survey.meeting.title })}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
