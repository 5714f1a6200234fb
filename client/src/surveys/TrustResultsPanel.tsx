import { useEffect } from 'react';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useSessionStore } from '../session/session-store';
import { SurveyBadges } from './SurveyBadges';
import { SurveyResultsOrWithheld } from './SurveyResultsView';
import { isTrustStep } from './trust-step';
import { useTrustResultsStore } from './trust-results-store';
import './surveys.css';

/** While the trust step is on, the results are read again this often (people may still be answering). */
const REFRESH_MS = 20_000;

/**
 * On Format 0's trust step, in the step panel everyone on the board sees: the network's latest
 * trust survey (vademecum III.1, "results are presented"), question by question as charts with
 * their text alternatives. Observers follow a stream and never reach this panel; the server
 * refuses them too.
 */
export function TrustResultsPanel() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  const onTrustStep = format !== null && step !== undefined && isTrustStep(format, step);
  const phase = useSessionStore((state) => state.phase);
  const session = phase.kind === 'joined' ? phase.session : null;
  const boardId = session?.board.id ?? null;
  const token = session?.sessionToken ?? null;
  const observer = session?.identity.role === 'observer';
  const results = useTrustResultsStore((state) => (state.boardId === boardId ? state.results : undefined));
  const load = useTrustResultsStore((state) => state.load);

  useEffect(() => {
    if (!onTrustStep || !boardId || !token || observer) return;
    void load(boardId, token);
    const timer = window.setInterval(() => void load(boardId, token), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [onTrustStep, boardId, token, observer, load]);

  if (!onTrustStep || observer || results === undefined) return null;
  return (
    <section className="trust-results" aria-labelledby="trust-results-heading" data-testid="trust-results">
      <h3 id="trust-results-heading">{t('surveys.board.heading')}</h3>
      {results === null ? (
        <p className="muted small">{t('surveys.board.none')}</p>
      ) : (
        <>
          <SurveyBadges survey={results.survey} />
          <SurveyResultsOrWithheld results={results} compact />
        </>
      )}
    </section>
  );
}
