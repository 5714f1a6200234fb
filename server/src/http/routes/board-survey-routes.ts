import type { IncomingMessage } from 'node:http';
import {
  askBoardSurveyRequestSchema,
  BOARD_SURVEY_ERROR_CODES,
  mayManageBoardSurveys,
  showBoardSurveyRequestSchema,
  submitSurveyAnswersRequestSchema,
} from '@empiria/shared';
import type { BoardSurveyService } from '../../networks/board-survey-service';
import type { PersonActor } from '../../networks/home-access';
import type { BoardMeeting, SurveyService } from '../../networks/survey-service';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import type { Actor, Handler, Route } from './route';
import { idParam } from './survey-routes';

const BOARD_SURVEYS = String.raw`^\/api\/boards\/([^/]+)\/surveys`;
const path = (tail: string) => new RegExp(`${BOARD_SURVEYS}${tail}$`);
const ONE = String.raw`\/([^/]+)`;

/** The caller on the board, the board's meeting, and the network person the session speaks for. */
interface BoardCaller {
  actor: Actor;
  meeting: BoardMeeting;
  person: PersonActor | null;
}

/**
 * Surveys on a meeting's board ([SV6], [SV7]; docs/api.md, "Boards: surveys"): those working on
 * the board list the network's open surveys and answer them with their board session; the pair
 * asks the room to answer (the meeting's evaluation by default) and shows a survey's results to
 * everyone. Writes count against the act limit per session, as every `/api/boards/:id/…` act.
 */
export function createBoardSurveyRoutes(
  ctx: ApiContext,
  surveys: SurveyService,
  boardSurveys: BoardSurveyService,
): Route[] {
  const callerOf = async (req: IncomingMessage, rawBoard: string | undefined): Promise<BoardCaller> => {
    const boardId = ctx.guards.boardId(rawBoard);
    const actor = await ctx.guards.requireActor(req, boardId);
    if (actor.claims.r === 'observer') {
      throw forbidden('Observers see only what the group agreed to share with them.');
    }
    const meeting = await surveys.meetingOfBoard(boardId);
    if (!meeting) {
      throw new HttpError(
        404,
        BOARD_SURVEY_ERROR_CODES.noNetwork,
        'This board is no meeting of a network: it has no surveys.',
      );
    }
    // [SV7] The session speaks for a person of the network only when it was opened from their
    // personal link in this board's network; that person is who the one-answer rule holds.
    const origin = actor.claims.h;
    const networkActor =
      origin && origin.w === meeting.networkId
        ? await ctx.networks.networks.actorOf(origin.w, origin.u)
        : null;
    const person = networkActor?.kind === 'person' ? networkActor : null;
    return { actor, meeting, person };
  };

  /** The room display reads only what is shown; the list and the answers are for those who work. */
  const workerOf = async (req: IncomingMessage, rawBoard: string | undefined): Promise<BoardCaller> => {
    const caller = await callerOf(req, rawBoard);
    if (caller.actor.claims.r === 'room') {
      throw forbidden('The room display shows the results the facilitator shows; it answers nothing.');
    }
    return caller;
  };

  const leadOf = async (req: IncomingMessage, rawBoard: string | undefined): Promise<BoardCaller> => {
    const caller = await workerOf(req, rawBoard);
    if (!mayManageBoardSurveys(caller.actor.claims.r)) {
      throw forbidden('Only the facilitator or the expert puts a survey before the room.');
    }
    return caller;
  };

  const list = async (caller: BoardCaller) =>
    surveys.boardList(
      caller.meeting,
      caller.actor.claims.r,
      caller.person,
      await boardSurveys.state(caller.actor.board.id),
    );

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', path(''), async (req, res, [rawBoard]) => {
      sendJson(res, 200, await list(await workerOf(req, rawBoard)));
    }),
    route('POST', path(String.raw`\/ask`), async (req, res, [rawBoard]) => {
      const caller = await leadOf(req, rawBoard);
      const body = await readJsonBody(req, askBoardSurveyRequestSchema);
      const mark = await boardSurveys.ask(caller.actor.board.id, caller.meeting, body.surveyId);
      ctx.log.info('board asks for a survey', { board: caller.actor.board.id, survey: mark.surveyId });
      sendJson(res, 200, await list(caller));
    }),
    route('DELETE', path(String.raw`\/ask`), async (req, res, [rawBoard]) => {
      const caller = await leadOf(req, rawBoard);
      await boardSurveys.stopAsking(caller.actor.board.id);
      sendJson(res, 200, await list(caller));
    }),
    route('POST', path(String.raw`\/show`), async (req, res, [rawBoard]) => {
      const caller = await leadOf(req, rawBoard);
      const body = await readJsonBody(req, showBoardSurveyRequestSchema);
      const mark = await boardSurveys.show(caller.actor.board.id, caller.meeting, body.surveyId);
      ctx.log.info('board shows survey results', { board: caller.actor.board.id, survey: mark.surveyId });
      sendJson(res, 200, await list(caller));
    }),
    route('DELETE', path(String.raw`\/show`), async (req, res, [rawBoard]) => {
      const caller = await leadOf(req, rawBoard);
      await boardSurveys.hide(caller.actor.board.id);
      sendJson(res, 200, await list(caller));
    }),
    route('POST', path(`${ONE}\\/answers`), async (req, res, [rawBoard, rawSurvey]) => {
      const caller = await workerOf(req, rawBoard);
      const surveyId = idParam(rawSurvey, 'survey');
      const body = await readJsonBody(req, submitSurveyAnswersRequestSchema);
      if (!caller.person) {
        throw new HttpError(
          403,
          BOARD_SURVEY_ERROR_CODES.notFromHome,
          'Surveys are answered as a person of the network: open the board from your personal link, or answer on your page.',
        );
      }
      await surveys.answer(caller.person, caller.meeting.networkId, surveyId, body);
      // [SV3] no person in the log, as for an answer from home.
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
    }),
    route('GET', path(`${ONE}\\/results`), async (req, res, [rawBoard, rawSurvey]) => {
      const caller = await callerOf(req, rawBoard);
      const surveyId = idParam(rawSurvey, 'survey');
      const state = await boardSurveys.state(caller.actor.board.id);
      sendJson(res, 200, await surveys.boardResults(caller.meeting, surveyId, caller.actor.claims.r, state));
    }),
  ];
}
