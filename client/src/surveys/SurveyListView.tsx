import { SURVEY_KINDS, surveyKindSchema, type SurveyListResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { SurveyBadges } from './SurveyBadges';
import { surveyPath, useSurveysPageStore } from './surveys-page-store';

/** The network's surveys, newest first, and for the pair "Nowa ankieta" from a template. */
export function SurveyListView({ list }: { list: SurveyListResponse }) {
  const t = useT();
  return (
    <>
      {list.canManage && <NewSurveyForm list={list} />}
      <section className="card" aria-labelledby="survey-list-heading">
        <h2 id="survey-list-heading">{t('surveys.eyebrow')}</h2>
        {list.surveys.length === 0 ? (
          <p className="muted">{t('surveys.none')}</p>
        ) : (
          <ul className="survey-list" data-testid="survey-list">
            {list.surveys.map(({ survey, viewer }) => (
              <li key={survey.id} className="survey-list-item" data-survey-id={survey.id}>
                <a href={surveyPath(list.network.id, survey.id)} className="survey-list-link">
                  {t(`surveys.kind.${survey.kind}`)}
                </a>
                <SurveyBadges survey={survey} />
                {viewer.canAnswer && (
                  <a className="button-primary" href={surveyPath(list.network.id, survey.id)}>
                    {t('surveys.answerLink')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function NewSurveyForm({ list }: { list: SurveyListResponse }) {
  const t = useT();
  const draft = useSurveysPageStore((state) => state.newSurvey);
  const busy = useSurveysPageStore((state) => state.busy);
  const setNewSurvey = useSurveysPageStore((state) => state.setNewSurvey);
  const createSurvey = useSurveysPageStore((state) => state.createSurvey);
  return (
    <form
      className="card survey-new"
      aria-labelledby="survey-new-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void createSurvey();
      }}
    >
      <h2 id="survey-new-heading">{t('surveys.new.heading')}</h2>
      <p className="muted">{t('surveys.new.hint')}</p>
      <div className="survey-new-fields">
        <label className="field">
          <span>{t('surveys.new.kind')}</span>
          <select
            value={draft.kind}
            onChange={(event) => setNewSurvey({ kind: surveyKindSchema.parse(event.target.value) })}
            data-testid="survey-new-kind"
          >
            {SURVEY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`surveys.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span>{t('surveys.new.meeting')}</span>
          <select
            value={draft.meetingId}
            onChange={(event) => setNewSurvey({ meetingId: event.target.value })}
          >
            <option value="">{t('surveys.new.noMeeting')}</option>
            {list.meetings.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {meeting.title} · {meeting.startsAt.replace('T', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={busy} data-testid="survey-create">
        {t('surveys.new.create')}
      </button>
    </form>
  );
}
