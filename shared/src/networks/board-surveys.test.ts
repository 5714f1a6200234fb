import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { controlValueProblem, readControlState } from '../control/control-state';
import { ROLES } from '../roles';
import {
  mayManageBoardSurveys,
  mayReadBoardSurveyResults,
  maySeeBoardSurveys,
  NO_BOARD_SURVEYS,
  type BoardSurveysState,
} from './board-surveys';
import { SURVEY_ANONYMOUS_RESULTS_MIN } from './survey-api';
import { surveyResultsShown } from './survey-results';

const shown = (surveyId: string): BoardSurveysState => ({
  asked: null,
  shown: { surveyId, kind: 'evaluation', at: 1 },
});

describe('[SV6] an anonymous survey’s results from the minimum number of answers', () => {
  it('withholds an anonymous survey under the minimum, shows it from the minimum on', () => {
    expect(SURVEY_ANONYMOUS_RESULTS_MIN).toBe(3);
    expect(surveyResultsShown({ anonymous: true, respondents: 0 })).toBe(false);
    expect(surveyResultsShown({ anonymous: true, respondents: 2 })).toBe(false);
    expect(surveyResultsShown({ anonymous: true, respondents: 3 })).toBe(true);
  });

  it('shows a named survey’s results at any count: its answers carry their person anyway', () => {
    expect(surveyResultsShown({ anonymous: false, respondents: 1 })).toBe(true);
  });
});

describe('[SV7] surveys on a meeting’s board', () => {
  it('the facilitator and the expert put surveys before the room; nobody else', () => {
    expect(ROLES.filter(mayManageBoardSurveys)).toEqual(['facilitator', 'expert']);
  });

  it('the panel is for those who work on the board, not observers or the room display', () => {
    expect(ROLES.filter(maySeeBoardSurveys)).toEqual([
      'facilitator',
      'expert',
      'organiser',
      'participant',
      'guest',
    ]);
  });

  it('results: the pair always; the room, the display included, only the shown survey, closed or not', () => {
    const open = { id: 'svy-001', status: 'open' as const };
    const closed = { id: 'svy-002', status: 'closed' as const };
    expect(mayReadBoardSurveyResults('expert', open, NO_BOARD_SURVEYS)).toBe(true);
    expect(mayReadBoardSurveyResults('participant', open, NO_BOARD_SURVEYS)).toBe(false);
    expect(mayReadBoardSurveyResults('participant', open, shown('svy-001'))).toBe(true);
    expect(mayReadBoardSurveyResults('participant', open, shown('svy-002'))).toBe(false);
    expect(mayReadBoardSurveyResults('room', open, shown('svy-001'))).toBe(true);
    expect(mayReadBoardSurveyResults('room', closed, NO_BOARD_SURVEYS)).toBe(false);
    expect(mayReadBoardSurveyResults('guest', closed, NO_BOARD_SURVEYS)).toBe(false);
    expect(mayReadBoardSurveyResults('participant', closed, NO_BOARD_SURVEYS)).toBe(false);
    expect(mayReadBoardSurveyResults('participant', closed, shown('svy-002'))).toBe(true);
    expect(mayReadBoardSurveyResults('observer', open, shown('svy-001'))).toBe(false);
  });

  it('the control document takes a whole boardSurveys value and refuses a malformed one', () => {
    expect(controlValueProblem('boardSurveys', shown('svy-001'))).toBeNull();
    expect(controlValueProblem('boardSurveys', { asked: null })).toMatch(/invalid boardSurveys/);
    expect(
      controlValueProblem('boardSurveys', { asked: { surveyId: 'x', kind: 'poll', at: 1 }, shown: null }),
    ).toMatch(/invalid boardSurveys/);
  });

  it('reads as nothing asked, nothing shown when missing or malformed', () => {
    const doc = new Y.Doc();
    expect(readControlState(doc).boardSurveys).toEqual(NO_BOARD_SURVEYS);
    doc.getMap('control').set('boardSurveys', { asked: 'everything' });
    expect(readControlState(doc).boardSurveys).toEqual(NO_BOARD_SURVEYS);
    doc.getMap('control').set('boardSurveys', shown('svy-001'));
    expect(readControlState(doc).boardSurveys.shown?.surveyId).toBe('svy-001');
  });
});
