import { NO_BOARD_SURVEYS, type BoardSurveyMark, type BoardSurveysState } from '@empiria/shared';
import type { ControlWriter } from '../facilitation/control-writer';
import type { BoardMeeting, SurveyService } from './survey-service';

/**
 * What the pair puts before the room on a meeting's board ([SV7], docs/decisions.md D20): the
 * survey everyone is asked to answer now, and the survey whose results everyone sees. Both live
 * in the control document's `boardSurveys`, which only the server writes, from these checked acts
 * (the routes have made sure the caller is the board's facilitator or expert).
 */
export class BoardSurveyService {
  readonly #surveys: SurveyService;
  readonly #control: ControlWriter;
  readonly #now: () => number;

  constructor(surveys: SurveyService, control: ControlWriter, now: () => number = Date.now) {
    this.#surveys = surveys;
    this.#control = control;
    this.#now = now;
  }

  async state(boardId: string): Promise<BoardSurveysState> {
    return (await this.#control.read(boardId, 'boardSurveys')) ?? NO_BOARD_SURVEYS;
  }

  /**
   * Asks the room to answer `surveyId`, an open survey of the network; without one, the meeting's
   * evaluation (made from the template and opened when the pair has none ready).
   */
  async ask(boardId: string, meeting: BoardMeeting, surveyId: string | undefined): Promise<BoardSurveyMark> {
    const survey =
      surveyId === undefined
        ? await this.#surveys.openMeetingEvaluation(meeting)
        : await this.#surveys.openSurvey(meeting.networkId, surveyId);
    const mark: BoardSurveyMark = { surveyId: survey.id, kind: survey.kind, at: this.#now() };
    await this.#control.update(boardId, 'boardSurveys', (current) => ({
      ...(current ?? NO_BOARD_SURVEYS),
      asked: mark,
    }));
    return mark;
  }

  async stopAsking(boardId: string): Promise<void> {
    await this.#control.update(boardId, 'boardSurveys', (current) => ({
      ...(current ?? NO_BOARD_SURVEYS),
      asked: null,
    }));
  }

  /** Shows the results of a survey of the network (open or closed) to everyone on the board. */
  async show(boardId: string, meeting: BoardMeeting, surveyId: string): Promise<BoardSurveyMark> {
    const survey = await this.#surveys.showable(meeting.networkId, surveyId);
    const mark: BoardSurveyMark = { surveyId: survey.id, kind: survey.kind, at: this.#now() };
    await this.#control.update(boardId, 'boardSurveys', (current) => ({
      ...(current ?? NO_BOARD_SURVEYS),
      shown: mark,
    }));
    return mark;
  }

  async hide(boardId: string): Promise<void> {
    await this.#control.update(boardId, 'boardSurveys', (current) => ({
      ...(current ?? NO_BOARD_SURVEYS),
      shown: null,
    }));
  }
}
