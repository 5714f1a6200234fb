import { useEffect, useState } from 'react';
import type { JoinResponse, SurveyResults } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { fetchBoardSurveyResults } from './board-surveys-api';
import { SurveyResultsOrWithheld } from './SurveyResultsView';
import './surveys.css';

/** While shown, the results are read again this often: they appear once enough have answered. */
const REFRESH_MS = 4_000;

/**
 * The room display's side while the pair shows a survey's results to the room ([SV7]): the same
 * charts as in the board's panel, large enough for the back of the room, or why there are none
 * yet ([SV6]). Reads the board's results route with the display's own session.
 */
export function RoomSurveyResults({ session }: { session: JoinResponse }) {
  const t = useT();
  const shown = useStepStore((state) => state.control.boardSurveys.shown);
  const [results, setResults] = useState<SurveyResults | null>(null);
  const surveyId = shown?.surveyId ?? null;

  useEffect(() => {
    setResults(null);
    if (surveyId === null) return;
    let live = true;
    const read = async () => {
      try {
        const next = await fetchBoardSurveyResults(session.board.id, surveyId, session.sessionToken);
        if (live) setResults(next);
      } catch {
        // The server away for a moment: the last results read stay on the screen.
      }
    };
    void read();
    const timer = window.setInterval(() => void read(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [surveyId, session.board.id, session.sessionToken]);

  if (!shown) return null;
  return (
    <section className="room-survey" data-testid="room-survey">
      <h2 className="room-label">
        {t('boardSurveys.results.heading', { survey: t(`surveys.kind.${shown.kind}`) })}
      </h2>
      {results ? <SurveyResultsOrWithheld results={results} compact /> : null}
    </section>
  );
}
