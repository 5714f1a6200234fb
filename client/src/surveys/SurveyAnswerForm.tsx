import { SURVEY_OPEN_ANSWER_MAX, SURVEY_SCALE_MAX, type SurveyQuestion } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { questionText } from './survey-text';
import type { AnswerDraft } from './answer-draft';

const SCALE = Array.from({ length: SURVEY_SCALE_MAX }, (_, index) => index + 1);

/**
 * The answer form: five large choices per scale question (a thumb on a phone), a text box per open
 * one. The same form on the survey's page and in the board's panel; each keeps the draft in its
 * own store.
 */
export function SurveyAnswerForm({
  questions,
  answers,
  busy,
  setAnswer,
  submit,
}: {
  questions: SurveyQuestion[];
  answers: AnswerDraft;
  busy: boolean;
  setAnswer: (questionId: string, value: number | string) => void;
  submit: () => Promise<void>;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <form
      className="card survey-answer-form"
      aria-label={t('surveys.answer.submit')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="survey-answer-form"
    >
      <p className="muted survey-scale-legend">
        {t('surveys.answer.scaleLegend', {
          low: t('surveys.answer.scaleLow'),
          high: t('surveys.answer.scaleHigh'),
        })}
      </p>
      <ol className="survey-answer-questions">
        {questions.map((question) => {
          const text = questionText(question.text, language);
          return (
            <li key={question.id} className="survey-answer-question" data-question-id={question.id}>
              {question.type === 'scale' ? (
                <fieldset>
                  <legend>{text}</legend>
                  <div className="survey-scale">
                    {SCALE.map((value) => (
                      <label key={value} className="survey-scale-choice">
                        <input
                          type="radio"
                          name={`q-${question.id}`}
                          value={value}
                          checked={answers[question.id] === value}
                          onChange={() => setAnswer(question.id, value)}
                        />
                        <span>{value}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : (
                <label className="field">
                  <span>{text}</span>
                  <textarea
                    rows={3}
                    maxLength={SURVEY_OPEN_ANSWER_MAX}
                    placeholder={t('surveys.answer.openPlaceholder')}
                    value={typeof answers[question.id] === 'string' ? String(answers[question.id]) : ''}
                    onChange={(event) => setAnswer(question.id, event.target.value)}
                  />
                </label>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="submit"
        className="button-primary button-large"
        disabled={busy}
        data-testid="survey-submit"
      >
        {t('surveys.answer.submit')}
      </button>
    </form>
  );
}
