import { SURVEY_QUESTION_TEXT_MAX, SURVEY_QUESTIONS_MAX } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useSurveysPageStore } from './surveys-page-store';

/** The pair's draft: each question's type and text in Polish and English, then "Otwórz ankietę". */
export function SurveyDraftEditor() {
  const t = useT();
  const questions = useSurveysPageStore((state) => state.questions);
  const busy = useSurveysPageStore((state) => state.busy);
  const notice = useSurveysPageStore((state) => state.notice);
  const edit = useSurveysPageStore((state) => state.editQuestion);
  const add = useSurveysPageStore((state) => state.addQuestion);
  const remove = useSurveysPageStore((state) => state.removeQuestion);
  const save = useSurveysPageStore((state) => state.saveQuestions);
  const setStatus = useSurveysPageStore((state) => state.setStatus);
  const settings = useSurveysPageStore((state) => state.settings);
  const setSettings = useSurveysPageStore((state) => state.setSettings);
  return (
    <section className="card survey-editor" aria-labelledby="survey-editor-heading">
      <h2 id="survey-editor-heading">{t('surveys.edit.heading')}</h2>
      <fieldset className="survey-settings">
        <label>
          <input
            type="checkbox"
            checked={settings.anonymous}
            onChange={(event) => setSettings({ anonymous: event.target.checked })}
          />{' '}
          {t('surveys.anonymous')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.observersMayAnswer}
            onChange={(event) => setSettings({ observersMayAnswer: event.target.checked })}
          />{' '}
          {t('surveys.observersToo')}
        </label>
      </fieldset>
      <ol className="survey-editor-questions">
        {questions.map((question, index) => (
          <li key={question.id} className="survey-editor-question" data-question-id={question.id}>
            <div className="survey-editor-row">
              <select
                aria-label={t('surveys.new.kind')}
                value={question.type}
                onChange={(event) => edit(index, { type: event.target.value === 'open' ? 'open' : 'scale' })}
              >
                <option value="scale">{t('surveys.edit.scale')}</option>
                <option value="open">{t('surveys.edit.open')}</option>
              </select>
              <button
                type="button"
                className="button-quiet"
                onClick={() => remove(index)}
                disabled={questions.length <= 1}
              >
                {t('surveys.edit.remove')}
              </button>
            </div>
            <label className="field">
              <span>{t('surveys.edit.textPl')}</span>
              <input
                value={question.text.pl}
                maxLength={SURVEY_QUESTION_TEXT_MAX}
                onChange={(event) => edit(index, { pl: event.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('surveys.edit.textEn')}</span>
              <input
                value={question.text.en}
                maxLength={SURVEY_QUESTION_TEXT_MAX}
                onChange={(event) => edit(index, { en: event.target.value })}
              />
            </label>
          </li>
        ))}
      </ol>
      <div className="survey-editor-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => add('scale')}
          disabled={questions.length >= SURVEY_QUESTIONS_MAX}
        >
          {t('surveys.edit.addScale')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => add('open')}
          disabled={questions.length >= SURVEY_QUESTIONS_MAX}
        >
          {t('surveys.edit.addOpen')}
        </button>
        <button type="button" className="button-primary" onClick={() => void save()} disabled={busy}>
          {t('surveys.edit.save')}
        </button>
        {notice === 'surveys.edit.saved' && (
          <span role="status" className="muted">
            {t(notice)}
          </span>
        )}
      </div>
      <div className="survey-open-box">
        <p className="muted small">{t('surveys.openHint')}</p>
        <button
          type="button"
          className="button-primary"
          onClick={() => void setStatus('open')}
          disabled={busy}
          data-testid="survey-open"
        >
          {t('surveys.open')}
        </button>
      </div>
    </section>
  );
}
