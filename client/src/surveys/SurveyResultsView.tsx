import { useId } from 'react';
import type { OpenResult, QuestionResult, ScaleResult, SurveyResults } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { BAR_CHART, scaleBars, TREND_CHART, trendPoints } from './survey-chart';
import { questionText } from './survey-text';

/** A mean as people read it: "3,75" in Polish, "3.75" in English. */
function formatMean(mean: number, language: string): string {
  return mean.toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 2 });
}

/**
 * A survey's results, or [SV6] while an anonymous survey has too few answers, why there are none
 * yet and how many have answered.
 */
export function SurveyResultsOrWithheld({
  results,
  compact = false,
}: {
  results: SurveyResults;
  compact?: boolean;
}) {
  const t = useT();
  if (results.withheld) {
    return (
      <p className="muted survey-withheld" data-testid="survey-results-withheld">
        {t('surveys.results.withheld', {
          minimum: results.withheld.minimum,
          count: results.survey.respondents,
        })}
      </p>
    );
  }
  return <SurveyResultsView questions={results.questions} compact={compact} />;
}

/** The results of a survey, question by question: bars and the mean, or the open answers. */
export function SurveyResultsView({
  questions,
  compact = false,
}: {
  questions: QuestionResult[];
  compact?: boolean;
}) {
  const t = useT();
  return (
    <>
      <p className="muted small survey-scale-legend">
        {t('surveys.answer.scaleLegend', {
          low: t('surveys.answer.scaleLow'),
          high: t('surveys.answer.scaleHigh'),
        })}
      </p>
      <ol
        className={compact ? 'survey-results survey-results-compact' : 'survey-results'}
        data-testid="survey-results"
      >
        {questions.map((result) => (
          <li key={result.questionId} className="survey-result" data-question-id={result.questionId}>
            {result.type === 'scale' ? (
              <ScaleResultView result={result} compact={compact} />
            ) : (
              <OpenResultView result={result} />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * A scale question: one bar per point (an SVG with a title), the mean, and the same numbers as
 * text for those who do not see the chart; then, when the network asked it before, its mean
 * over time.
 */
function ScaleResultView({ result, compact }: { result: ScaleResult; compact: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const question = questionText(result.text, language);
  const bars = scaleBars(result.distribution);
  const plotBottom = BAR_CHART.height - BAR_CHART.labelSpace;
  return (
    <>
      <h3 className="survey-question">{question}</h3>
      <p className="survey-mean" data-testid="survey-mean">
        {result.mean === null
          ? t('surveys.results.noAnswers')
          : t('surveys.results.mean', { mean: formatMean(result.mean, language) })}
        {' · '}
        {t('surveys.respondents', { count: result.answers })}
      </p>
      <svg
        className="survey-chart"
        viewBox={`0 0 ${BAR_CHART.width} ${BAR_CHART.height}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {t('surveys.results.chartLabel', { question })}:{' '}
          {bars.map((bar) => t('surveys.results.bar', { value: bar.value, count: bar.count })).join(', ')}
        </title>
        <line x1={0} x2={BAR_CHART.width} y1={plotBottom} y2={plotBottom} className="survey-chart-axis" />
        {bars.map((bar) => (
          <g key={bar.value}>
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              rx={3}
              className="survey-chart-bar"
            />
            {bar.count > 0 && (
              <text
                x={bar.x + bar.width / 2}
                y={bar.y - 3}
                textAnchor="middle"
                className="survey-chart-count"
              >
                {bar.count}
              </text>
            )}
            <text
              x={bar.x + bar.width / 2}
              y={BAR_CHART.height - 4}
              textAnchor="middle"
              className="survey-chart-label"
            >
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
      {!compact && result.history.length > 0 && result.mean !== null && (
        <Trend question={question} history={result.history} now={result.mean} />
      )}
    </>
  );
}

/** The question's mean in the network's earlier surveys and now: a line, and the points as a list. */
function Trend({
  question,
  history,
  now,
}: {
  question: string;
  history: ScaleResult['history'];
  now: number;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const dateOf = (at: string) =>
    new Date(at).toLocaleDateString(language === 'pl' ? 'pl-PL' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  const entries = [
    ...history.map((point) => ({ label: dateOf(point.at), mean: point.mean })),
    { label: t('surveys.results.thisSurvey'), mean: now },
  ];
  const points = trendPoints(entries.map((entry) => entry.mean));
  return (
    <div className="survey-trend" data-testid="survey-trend">
      <h4>{t('surveys.results.history')}</h4>
      <svg
        className="survey-chart survey-trend-chart"
        viewBox={`0 0 ${TREND_CHART.width} ${TREND_CHART.height}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{t('surveys.results.historyLabel', { question })}</title>
        <polyline
          points={points.map((point) => `${point.x},${point.y}`).join(' ')}
          className="survey-trend-line"
          fill="none"
        />
        {points.map((point, index) => (
          <circle key={index} cx={point.x} cy={point.y} r={4} className="survey-trend-dot" />
        ))}
      </svg>
      <ul className="survey-trend-points">
        {entries.map((entry, index) => (
          <li key={index}>
            {t('surveys.results.historyPoint', { date: entry.label, mean: formatMean(entry.mean, language) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OpenResultView({ result }: { result: OpenResult }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <>
      <h3 className="survey-question">{questionText(result.text, language)}</h3>
      <p className="muted small">{t('surveys.results.openAnswers', { count: result.answers.length })}</p>
      {result.answers.length > 0 && (
        <ul className="survey-open-answers">
          {result.answers.map((answer, index) => (
            <li key={index}>{answer}</li>
          ))}
        </ul>
      )}
    </>
  );
}
