import type { SurveyWithViewer } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { Icon } from '../ui/icons';
import { askedSurvey, shownSurvey, surveysToAnswer } from './board-survey-view';
import { useBoardSurveysStore } from './board-surveys-store';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { SurveyBadges } from './SurveyBadges';
import { SurveyResultsOrWithheld } from './SurveyResultsView';

/**
 * The board's "Ankiety" panel ([SV7]): the results the pair shows to the room; for the pair, the
 * request to the room with its count and the network's surveys to ask for or show; for everyone
 * who answers, the surveys to fill in and the form, without leaving the board.
 */
export function BoardSurveysPanel() {
  const t = useT();
  const list = useBoardSurveysStore((state) => state.list);
  const answering = useBoardSurveysStore((state) => state.answering);
  const error = useBoardSurveysStore((state) => state.error);
  const setOpen = useBoardSurveysStore((state) => state.setOpen);
  if (!list) return null;
  const form = answering === null ? null : list.surveys.find((entry) => entry.survey.id === answering);
  return (
    <aside
      id="board-surveys-panel"
      className="board-surveys-panel"
      aria-labelledby="board-surveys-heading"
      data-testid="board-surveys-panel"
    >
      <header className="board-surveys-header">
        <h2 id="board-surveys-heading">{t('boardSurveys.heading')}</h2>
        <button
          type="button"
          className="button-quiet board-surveys-close"
          onClick={() => setOpen(false)}
          title={t('boardSurveys.close')}
          aria-label={t('boardSurveys.close')}
          data-testid="board-surveys-close"
        >
          <Icon name="close" />
        </button>
      </header>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="board-surveys-error">
          <span>{t(error)}</span>
        </div>
      )}
      {form?.viewer.canAnswer ? (
        <AnswerSection entry={form} />
      ) : (
        <>
          <ShownResults />
          {list.canManage && <LeadSection />}
          {!list.canManage && <ToAnswer />}
        </>
      )}
    </aside>
  );
}

function AnswerSection({ entry }: { entry: SurveyWithViewer }) {
  const t = useT();
  const answers = useBoardSurveysStore((state) => state.answers);
  const busy = useBoardSurveysStore((state) => state.busy);
  const setAnswer = useBoardSurveysStore((state) => state.setAnswer);
  const submit = useBoardSurveysStore((state) => state.submit);
  const startAnswering = useBoardSurveysStore((state) => state.startAnswering);
  return (
    <section className="board-surveys-answer" aria-labelledby="board-survey-form-heading">
      <button type="button" className="button-quiet board-surveys-back" onClick={() => startAnswering(null)}>
        {t('boardSurveys.back')}
      </button>
      <h3 id="board-survey-form-heading" data-testid="board-survey-form-title">
        {t(`surveys.kind.${entry.survey.kind}`)}
      </h3>
      <SurveyBadges survey={entry.survey} />
      {entry.survey.anonymous && <p className="muted small">{t('surveys.anonymousHint')}</p>}
      <SurveyAnswerForm
        questions={entry.survey.questions}
        answers={answers}
        busy={busy}
        setAnswer={setAnswer}
        submit={submit}
      />
    </section>
  );
}

/** The results the pair shows to the whole room, the same charts as on the network's pages. */
function ShownResults() {
  const t = useT();
  const marks = useStepStore((state) => state.control.boardSurveys);
  const list = useBoardSurveysStore((state) => state.list);
  const results = useBoardSurveysStore((state) =>
    marks.shown ? state.results[marks.shown.surveyId] : undefined,
  );
  const shown = shownSurvey(list ?? null, marks);
  if (!marks.shown) return null;
  const kind = shown?.survey.kind ?? marks.shown.kind;
  return (
    <section
      className="board-surveys-results"
      aria-labelledby="board-survey-results-heading"
      data-testid="board-survey-results"
    >
      <h3 id="board-survey-results-heading">
        {t('boardSurveys.results.heading', { survey: t(`surveys.kind.${kind}`) })}
      </h3>
      <p className="muted small">{t('boardSurveys.results.shownBy')}</p>
      {results ? (
        <SurveyResultsOrWithheld results={results} compact />
      ) : (
        <p className="muted small">{t('boardSurveys.loading')}</p>
      )}
    </section>
  );
}

/** The surveys this person can fill in here, and those they have answered. */
function ToAnswer() {
  const t = useT();
  const list = useBoardSurveysStore((state) => state.list);
  const thanked = useBoardSurveysStore((state) => state.thanked);
  const startAnswering = useBoardSurveysStore((state) => state.startAnswering);
  if (!list) return null;
  const open = list.surveys.filter((entry) => entry.survey.status === 'open');
  const toAnswer = surveysToAnswer(list);
  const answered = open.filter((entry) => entry.viewer.hasAnswered);
  return (
    <section className="board-surveys-list" aria-labelledby="board-surveys-to-answer">
      <h3 id="board-surveys-to-answer">{t('boardSurveys.toAnswer')}</h3>
      {thanked && (
        <p className="survey-answered" role="status" data-testid="board-survey-thanks">
          {t('surveys.answer.thanks')}
        </p>
      )}
      {!list.answersAsPerson && open.length > 0 && (
        <p className="muted small" data-testid="board-surveys-not-from-home">
          {t('boardSurveys.notFromHome')}
        </p>
      )}
      {open.length === 0 && <p className="muted small">{t('boardSurveys.none')}</p>}
      <ul>
        {toAnswer.map((entry) => (
          <li key={entry.survey.id} className="board-survey-item" data-survey-id={entry.survey.id}>
            <span className="board-survey-item-text">
              <strong>{t(`surveys.kind.${entry.survey.kind}`)}</strong>
              {entry.survey.meeting && (
                <span className="muted small">
                  {t('surveys.forMeeting', { title: entry.survey.meeting.title })}
                </span>
              )}
            </span>
            <button
              type="button"
              className="button-primary"
              onClick={() => startAnswering(entry.survey.id)}
              data-testid="board-survey-answer"
            >
              {t('boardSurveys.answer')}
            </button>
          </li>
        ))}
        {answered.map((entry) => (
          <li key={entry.survey.id} className="board-survey-item" data-survey-id={entry.survey.id}>
            <span className="board-survey-item-text">
              <strong>{t(`surveys.kind.${entry.survey.kind}`)}</strong>
              <span className="muted small">{t('boardSurveys.answered')}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The pair: the request to the room with how many have answered, and what to show. */
function LeadSection() {
  const t = useT();
  const marks = useStepStore((state) => state.control.boardSurveys);
  const list = useBoardSurveysStore((state) => state.list);
  const busy = useBoardSurveysStore((state) => state.busy);
  const ask = useBoardSurveysStore((state) => state.ask);
  const stopAsking = useBoardSurveysStore((state) => state.stopAsking);
  const hide = useBoardSurveysStore((state) => state.hide);
  if (!list) return null;
  const asked = askedSurvey(list, marks);
  const others = list.surveys.filter((entry) => entry.survey.id !== asked?.survey.id);
  return (
    <>
      <section className="board-surveys-lead" aria-labelledby="board-surveys-lead-heading">
        <h3 id="board-surveys-lead-heading">{t('boardSurveys.lead.heading')}</h3>
        {asked ? (
          <>
            <p>
              <strong>
                {t('boardSurveys.lead.asking', { survey: t(`surveys.kind.${asked.survey.kind}`) })}
              </strong>
            </p>
            <p className="board-survey-count" data-testid="board-survey-count" aria-live="polite">
              {t('boardSurveys.lead.count', { count: asked.survey.respondents })}
            </p>
            {asked.survey.anonymous && <p className="muted small">{t('boardSurveys.lead.countHint')}</p>}
            <div className="board-surveys-actions">
              <ShowButton entry={asked} />
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                onClick={() => void stopAsking()}
                data-testid="board-survey-stop"
              >
                {t('boardSurveys.lead.stopAsking')}
              </button>
            </div>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void ask()}
              data-testid="board-survey-ask-evaluation"
            >
              {t('boardSurveys.lead.askEvaluation')}
            </button>
            <p className="muted small">{t('boardSurveys.lead.askEvaluationHint')}</p>
          </>
        )}
        {marks.shown && (
          <div className="board-surveys-actions">
            <span className="pill">{t('boardSurveys.lead.showing')}</span>
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void hide()}
              data-testid="board-survey-hide"
            >
              {t('boardSurveys.lead.hide')}
            </button>
          </div>
        )}
      </section>
      {others.length > 0 && (
        <section className="board-surveys-list" aria-labelledby="board-surveys-others">
          <h3 id="board-surveys-others">{t('boardSurveys.lead.others')}</h3>
          <ul>
            {others.map((entry) => (
              <li
                key={entry.survey.id}
                className="board-survey-item board-survey-item-lead"
                data-survey-id={entry.survey.id}
              >
                <span className="board-survey-item-text">
                  <strong>{t(`surveys.kind.${entry.survey.kind}`)}</strong>
                  <SurveyBadges survey={entry.survey} />
                </span>
                <span className="board-surveys-actions">
                  {entry.survey.status === 'open' && (
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={busy}
                      onClick={() => void ask(entry.survey.id)}
                    >
                      {t('boardSurveys.lead.ask')}
                    </button>
                  )}
                  <ShowButton entry={entry} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ShowButton({ entry }: { entry: SurveyWithViewer }) {
  const t = useT();
  const marks = useStepStore((state) => state.control.boardSurveys);
  const busy = useBoardSurveysStore((state) => state.busy);
  const show = useBoardSurveysStore((state) => state.show);
  if (marks.shown?.surveyId === entry.survey.id) return null;
  return (
    <button
      type="button"
      className="button-secondary"
      disabled={busy}
      onClick={() => void show(entry.survey.id)}
      data-testid="board-survey-show"
    >
      {t('boardSurveys.lead.show')}
    </button>
  );
}
