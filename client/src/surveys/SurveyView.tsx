import type { SurveyResults, SurveyWithViewer } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { SurveyBadges } from './SurveyBadges';
import { SurveyDraftEditor } from './SurveyDraftEditor';
import { SurveyResultsOrWithheld } from './SurveyResultsView';
import { useSurveysPageStore } from './surveys-page-store';

/** One survey: the pair's draft and its opening or closing, the answer form, then the results. */
export function SurveyView({ data, results }: { data: SurveyWithViewer; results: SurveyResults | null }) {
  const t = useT();
  const { survey, viewer } = data;
  const busy = useSurveysPageStore((state) => state.busy);
  const setStatus = useSurveysPageStore((state) => state.setStatus);
  const answers = useSurveysPageStore((state) => state.answers);
  const setAnswer = useSurveysPageStore((state) => state.setAnswer);
  const submit = useSurveysPageStore((state) => state.submitAnswers);
  return (
    <>
      <header className="card survey-header">
        <h2 data-testid="survey-title">{t(`surveys.kind.${survey.kind}`)}</h2>
        <SurveyBadges survey={survey} />
        {survey.anonymous && <p className="muted small">{t('surveys.anonymousHint')}</p>}
        {survey.observersMayAnswer && <p className="muted small">{t('surveys.observersToo')}</p>}
        {viewer.canManage && survey.status === 'open' && (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => void setStatus('close')}
            data-testid="survey-close"
          >
            {t('surveys.close')}
          </button>
        )}
      </header>
      {viewer.canManage && survey.status === 'draft' && <SurveyDraftEditor />}
      {viewer.canAnswer && (
        <SurveyAnswerForm
          questions={survey.questions}
          answers={answers}
          busy={busy}
          setAnswer={setAnswer}
          submit={submit}
        />
      )}
      {viewer.hasAnswered && (
        <p className="card survey-answered" role="status" data-testid="survey-answered">
          {t('surveys.answer.thanks')}
        </p>
      )}
      {survey.status === 'draft' ? null : results ? (
        <section className="card" aria-labelledby="survey-results-heading">
          <h2 id="survey-results-heading">{t('surveys.results.heading')}</h2>
          <SurveyResultsOrWithheld results={results} />
        </section>
      ) : (
        <p className="muted">{t('surveys.results.later')}</p>
      )}
    </>
  );
}
