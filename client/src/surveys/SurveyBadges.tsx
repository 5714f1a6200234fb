import type { Survey } from '@empiria/shared';
import { useT } from '../i18n/language-store';

/** A survey's status, anonymity, meeting and how many have answered, as one line of pills. */
export function SurveyBadges({ survey }: { survey: Survey }) {
  const t = useT();
  return (
    <span className="survey-badges">
      <span className={`pill survey-status survey-status-${survey.status}`} data-testid="survey-status">
        {t(`surveys.status.${survey.status}`)}
      </span>
      <span className="pill">{t(survey.anonymous ? 'surveys.anonymous' : 'surveys.named')}</span>
      {survey.meeting && (
        <span className="muted small">{t('surveys.forMeeting', { title: survey.meeting.title })}</span>
      )}
      {survey.status !== 'draft' && (
        <span className="muted small" data-testid="survey-respondents">
          {t('surveys.respondents', { count: survey.respondents })}
        </span>
      )}
    </span>
  );
}
