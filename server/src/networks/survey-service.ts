import {
  SURVEY_ERROR_CODES,
  checkSurveyAnswers,
  mayAnswerSurvey,
  mayManageSurveys,
  maySeeSurvey,
  maySeeSurveyResults,
  SURVEY_ANONYMOUS_RESULTS_MIN,
  surveyResultsShown,
  surveyTemplate,
  tallySurvey,
  withHistory,
  mayReadBoardSurveyResults,
  mayManageBoardSurveys,
  type BoardSurveysResponse,
  type BoardSurveysState,
  type BoardTrustResultsResponse,
  type Role,
  type CreateSurveyRequest,
  type Meeting,
  type MembershipType,
  type NetworkActor,
  type PendingSurveysResponse,
  type SubmitSurveyAnswersRequest,
  type Survey,
  type SurveyListResponse,
  type SurveyResults,
  type SurveyViewer,
  type SurveyWithViewer,
} from '@empiria/shared';
import { newId } from '../ids';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { PersonActor } from './home-access';
import type { MeetingService } from './meeting-service';
import type { NetworkService } from './network-service';
import type { NetworkServices } from './network-services';
import { SurveyStore, type SurveyRecord } from './survey-store';
import { DomainError } from '../domain-error';

const noSuchSurvey = () => new DomainError('not_found', 'not_found', 'No such survey.');
const forbidden = (message: string) => new DomainError('forbidden', 'forbidden', message);

type CreateRequest = Required<CreateSurveyRequest>;

/** A meeting's board: the meeting, its title and its network. */
export interface BoardMeeting {
  networkId: string;
  meetingId: string;
  title: string;
}

/** The board's panel lists at most this many surveys (the pair's closed ones, newest first). */
const BOARD_SURVEYS_MAX = 30;
type UpdateRequest = Partial<Pick<SurveyRecord, 'questions' | 'anonymous' | 'observersMayAnswer'>>;

/**
 * A network's surveys (issue #13 item 3; rules SV1–SV5 in docs/permissions.md): made from a
 * template, edited by the pair while a draft, opened and closed; answered once per person by the
 * network's cities; tallied into results, followed over time per question. An anonymous survey's
 * answers are stored with no link to the person ([SV3], survey-store.ts).
 */
export class SurveyService {
  readonly #store: SurveyStore;
  readonly #networks: NetworkService;
  readonly #meetings: MeetingService;
  readonly #now: () => Date;

  constructor(
    store: SurveyStore,
    networks: NetworkService,
    meetings: MeetingService,
    now: () => Date = () => new Date(),
  ) {
    this.#store = store;
    this.#networks = networks;
    this.#meetings = meetings;
    this.#now = now;
  }

  async list(actor: NetworkActor, networkId: string): Promise<SurveyListResponse> {
    requireNetwork(actor, networkId);
    const network = await this.#networks.get(networkId);
    const meetings = await this.#meetings.list(networkId);
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    const answered =
      actor.kind === 'person' ? await this.#store.answeredBy(networkId, actor.personId) : new Set<string>();
    const visible = (await this.#store.ofNetwork(networkId)).filter((survey) =>
      maySeeSurvey(actor, networkId, survey.status),
    );
    const surveys = [];
    for (const survey of visible) {
      surveys.push({
        survey: await this.#view(survey, meetings),
        viewer: this.#viewer(actor, survey, answered.has(survey.id), membership),
      });
    }
    return {
      network: { id: network.id, name: network.name },
      canManage: mayManageSurveys(actor, networkId),
      surveys,
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt,
      })),
    };
  }

  /** [SV1] a draft from the kind's template; its questions are the pair's to edit before it opens. */
  async create(actor: NetworkActor, networkId: string, request: CreateRequest): Promise<string> {
    this.#requireManage(actor, networkId);
    await this.#networks.get(networkId);
    // The meeting must be this network's (the meetings' own lookup says "no such meeting" otherwise).
    if (request.meetingId !== null) await this.#meetings.get(networkId, request.meetingId);
    const id = newId(9);
    await this.#store.insert({
      id,
      networkId,
      meetingId: request.meetingId,
      kind: request.kind,
      anonymous: request.anonymous,
      observersMayAnswer: request.observersMayAnswer,
      questions: surveyTemplate(request.kind),
      createdAt: this.#now().toISOString(),
    });
    return id;
  }

  async get(actor: NetworkActor, networkId: string, surveyId: string): Promise<SurveyWithViewer> {
    const survey = await visible(this.#store, actor, networkId, surveyId);
    const answered = actor.kind === 'person' && (await this.#store.hasAnswered(surveyId, actor.personId));
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    return { survey: await this.#view(survey), viewer: this.#viewer(actor, survey, answered, membership) };
  }

  /** [SV1] questions and the survey's settings change only while it is a draft. */
  async update(
    actor: NetworkActor,
    networkId: string,
    surveyId: string,
    patch: UpdateRequest,
  ): Promise<void> {
    this.#requireManage(actor, networkId);
    await this.#store.transaction(async (store) => {
      const survey = await ofNetwork(store, networkId, surveyId);
      if (survey.status !== 'draft') {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.notDraft,
          'The survey has been opened: its questions no longer change.',
        );
      }
      await store.update(surveyId, {
        questions: patch.questions ?? survey.questions,
        anonymous: patch.anonymous ?? survey.anonymous,
        observersMayAnswer: patch.observersMayAnswer ?? survey.observersMayAnswer,
      });
    });
  }

  /** Opens a draft for answers, or closes an open survey; a survey does not go back. */
  async setStatus(
    actor: NetworkActor,
    networkId: string,
    surveyId: string,
    to: 'open' | 'closed',
  ): Promise<void> {
    this.#requireManage(actor, networkId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const survey = await ofNetwork(store, networkId, surveyId);
      const from = to === 'open' ? 'draft' : 'open';
      if (survey.status !== from) {
        throw new DomainError(
          'conflict',
          to === 'open' ? SURVEY_ERROR_CODES.notDraft : SURVEY_ERROR_CODES.notOpen,
          to === 'open' ? 'Only a draft survey can be opened.' : 'Only an open survey can be closed.',
        );
      }
      if (to === 'open') await store.open(surveyId, at);
      else await store.close(surveyId, at);
    });
  }

  /**
   * [SV2] one answer per person while the survey is open; [SV3] an anonymous answer is stored with
   * no person and no time. The checks and both writes are one transaction: a refused answer
   * leaves nothing behind, and two simultaneous answers of one person cannot both land.
   */
  async answer(
    actor: NetworkActor,
    networkId: string,
    surveyId: string,
    request: SubmitSurveyAnswersRequest,
  ): Promise<void> {
    // The person's city is the network core's, read before the transaction (which queries only
    // the surveys' rows, through its own handle).
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    await this.#store.transaction(async (store) => {
      const survey = await visible(store, actor, networkId, surveyId);
      if (actor.kind !== 'person' || !mayAnswerSurvey(actor, networkId, survey, membership)) {
        throw new DomainError(
          'forbidden',
          SURVEY_ERROR_CODES.notARespondent,
          survey.observersMayAnswer
            ? 'This survey is answered by the representatives and substitutes of the network’s cities.'
            : 'This survey is answered by the representatives and substitutes of the network’s core cities.',
        );
      }
      if (survey.status !== 'open') {
        throw new DomainError('conflict', SURVEY_ERROR_CODES.notOpen, 'This survey is not open for answers.');
      }
      if (await store.hasAnswered(surveyId, actor.personId)) {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.alreadyAnswered,
          'You have answered this survey already; an answer cannot be changed.',
        );
      }
      const checked = checkSurveyAnswers(survey.questions, request.answers);
      if (!checked.ok) throw new DomainError('invalid', SURVEY_ERROR_CODES.invalidAnswer, checked.problem);
      await store.insertAnswer(surveyId, actor.personId, survey.anonymous, checked.answers);
    });
  }

  /** [SV4] the tally, with each scale question's means in the network's earlier surveys of the same kind. */
  async results(actor: NetworkActor, networkId: string, surveyId: string): Promise<SurveyResults> {
    const survey = await visible(this.#store, actor, networkId, surveyId);
    if (!maySeeSurveyResults(actor, networkId, survey.status)) {
      throw forbidden('The results are shown to the network once the survey is closed.');
    }
    return this.#results(survey);
  }

  /** The home's "surveys to fill in": open, the person may answer, not answered yet. */
  async pending(actor: PersonActor): Promise<PendingSurveysResponse> {
    const membership = await this.#membership(actor);
    const answered = await this.#store.answeredBy(actor.networkId, actor.personId);
    const meetings = await this.#meetings.list(actor.networkId);
    const pending: Survey[] = [];
    for (const survey of await this.#store.ofNetwork(actor.networkId)) {
      if (
        survey.status === 'open' &&
        !answered.has(survey.id) &&
        mayAnswerSurvey(actor, actor.networkId, survey, membership)
      ) {
        pending.push(await this.#view(survey, meetings));
      }
    }
    return { networkId: actor.networkId, pending };
  }

  /**
   * The board's view (Format 0's trust step): the latest trust survey of the board's network that
   * has been opened, its results so far. The route has checked the caller works on the board.
   */
  async boardTrustResults(boardId: string): Promise<BoardTrustResultsResponse> {
    const networkId = await this.#store.networkOfBoard(boardId);
    if (networkId === null) return { results: null };
    const latest = (await this.#store.ofNetwork(networkId))
      .filter((survey) => survey.kind === 'trust' && survey.openedAt !== null)
      .sort((a, b) => ((a.openedAt ?? '') < (b.openedAt ?? '') ? 1 : -1))[0];
    return { results: latest ? await this.#results(latest) : null };
  }

  /**
   * The tally with its history, or [SV6] nothing but the count while an anonymous survey has
   * fewer answers than the minimum; an earlier survey under the minimum gives the history no point.
   */
  /** The meeting a board belongs to and its network; null for a board of no network. */
  meetingOfBoard(boardId: string): Promise<BoardMeeting | null> {
    return this.#store.meetingOfBoard(boardId);
  }

  /**
   * [SV7] The network's surveys as one person on the meeting's board sees them: the open ones,
   * and the one the pair asks for or shows; the pair sees the closed ones too, to show their
   * results. `person` is the network person the board session was opened as, or null (a board
   * invite's session, which names nobody of the network).
   */
  async boardList(
    meeting: BoardMeeting,
    role: Role,
    person: PersonActor | null,
    state: BoardSurveysState,
  ): Promise<BoardSurveysResponse> {
    const manages = mayManageBoardSurveys(role);
    const meetings = await this.#meetings.list(meeting.networkId);
    const membership = person ? await this.#membership(person) : null;
    const answered = person
      ? await this.#store.answeredBy(meeting.networkId, person.personId)
      : new Set<string>();
    const marked = new Set([state.asked?.surveyId, state.shown?.surveyId]);
    const listed = (await this.#store.ofNetwork(meeting.networkId))
      .filter(
        (survey) =>
          survey.status === 'open' || marked.has(survey.id) || (manages && survey.status === 'closed'),
      )
      .filter((survey) => survey.status !== 'draft')
      .slice(0, BOARD_SURVEYS_MAX);
    const surveys: BoardSurveysResponse['surveys'] = [];
    for (const survey of listed) {
      const viewer = person
        ? this.#viewer(person, survey, answered.has(survey.id), membership)
        : { canManage: false, canAnswer: false, hasAnswered: false, canSeeResults: false };
      surveys.push({
        survey: await this.#view(survey, meetings),
        viewer: {
          ...viewer,
          canManage: manages,
          canSeeResults: mayReadBoardSurveyResults(role, survey, state),
        },
      });
    }
    return {
      meeting: { id: meeting.meetingId, title: meeting.title },
      canManage: manages,
      answersAsPerson: person !== null,
      surveys,
    };
  }

  /**
   * The meeting's evaluation, ready for answers, for the pair to ask the room ([SV7]): its open
   * one; else its draft, opened as the pair left it; else a new one from the template, anonymous,
   * opened. One whose evaluation was closed is not asked again (409 `survey_not_open`).
   */
  openMeetingEvaluation(meeting: BoardMeeting): Promise<SurveyRecord> {
    const at = this.#now().toISOString();
    return this.#store.transaction(async (store) => {
      const evaluations = (await store.ofNetwork(meeting.networkId)).filter(
        (survey) => survey.kind === 'evaluation' && survey.meetingId === meeting.meetingId,
      );
      const open = evaluations.find((survey) => survey.status === 'open');
      if (open) return open;
      const draft = evaluations.find((survey) => survey.status === 'draft');
      if (draft) {
        await store.open(draft.id, at);
        return ofNetwork(store, meeting.networkId, draft.id);
      }
      if (evaluations.length > 0) {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.notOpen,
          'This meeting’s evaluation has been closed already.',
        );
      }
      const id = newId(9);
      await store.insert({
        id,
        networkId: meeting.networkId,
        meetingId: meeting.meetingId,
        kind: 'evaluation',
        anonymous: true,
        observersMayAnswer: false,
        questions: surveyTemplate('evaluation'),
        createdAt: at,
      });
      await store.open(id, at);
      return ofNetwork(store, meeting.networkId, id);
    });
  }

  /** An open survey of the network, for the pair to ask the room ([SV7]); a draft is no survey to ask. */
  async openSurvey(networkId: string, surveyId: string): Promise<SurveyRecord> {
    const survey = await ofNetwork(this.#store, networkId, surveyId);
    if (survey.status === 'draft') throw noSuchSurvey();
    if (survey.status !== 'open') {
      throw new DomainError('conflict', SURVEY_ERROR_CODES.notOpen, 'This survey is not open for answers.');
    }
    return survey;
  }

  /** A survey of the network whose results the pair may show to the room (not a draft). */
  async showable(networkId: string, surveyId: string): Promise<SurveyRecord> {
    const survey = await ofNetwork(this.#store, networkId, surveyId);
    if (survey.status === 'draft') throw noSuchSurvey();
    return survey;
  }

  /** [SV7] a survey's results on the board, to whom the board's rule lets read them; [SV6] applies. */
  async boardResults(
    meeting: BoardMeeting,
    surveyId: string,
    role: Role,
    state: BoardSurveysState,
  ): Promise<SurveyResults> {
    const survey = await ofNetwork(this.#store, meeting.networkId, surveyId);
    if (survey.status === 'draft') throw noSuchSurvey();
    if (!mayReadBoardSurveyResults(role, survey, state)) {
      throw forbidden('The results are shown on the board when the facilitator or expert shows them.');
    }
    return this.#results(survey);
  }

  async #results(survey: SurveyRecord): Promise<SurveyResults> {
    const view = await this.#view(survey);
    if (!surveyResultsShown(view)) {
      return { survey: view, questions: [], withheld: { minimum: SURVEY_ANONYMOUS_RESULTS_MIN } };
    }
    const tally = async (record: SurveyRecord) =>
      tallySurvey(record.questions, await this.#store.answers(record.id));
    const earlier = [];
    for (const other of await this.#store.ofNetwork(survey.networkId)) {
      if (
        other.kind === survey.kind &&
        other.id !== survey.id &&
        other.openedAt !== null &&
        survey.openedAt !== null &&
        other.openedAt < survey.openedAt &&
        surveyResultsShown({
          anonymous: other.anonymous,
          respondents: await this.#store.respondents(other.id),
        })
      ) {
        earlier.push({ surveyId: other.id, at: other.openedAt, results: await tally(other) });
      }
    }
    return { survey: view, questions: withHistory(await tally(survey), earlier), withheld: null };
  }

  /** `meetings`: the survey's network's, when the caller read them once for all it shows. */
  async #view(survey: SurveyRecord, meetings?: Meeting[]): Promise<Survey> {
    const meeting =
      survey.meetingId === null
        ? null
        : ((meetings ?? (await this.#meetings.list(survey.networkId))).find(
            (m) => m.id === survey.meetingId,
          ) ?? null);
    return {
      id: survey.id,
      networkId: survey.networkId,
      kind: survey.kind,
      meeting: meeting && { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
      status: survey.status,
      anonymous: survey.anonymous,
      observersMayAnswer: survey.observersMayAnswer,
      questions: survey.questions,
      createdAt: survey.createdAt,
      openedAt: survey.openedAt,
      closedAt: survey.closedAt,
      respondents: await this.#store.respondents(survey.id),
    };
  }

  /** `membership`: the person's city's in the network (`#membership`), null for the office. */
  #viewer(
    actor: NetworkActor,
    survey: SurveyRecord,
    hasAnswered: boolean,
    membership: MembershipType | null,
  ): SurveyViewer {
    return {
      canManage: mayManageSurveys(actor, survey.networkId),
      canAnswer:
        survey.status === 'open' &&
        !hasAnswered &&
        mayAnswerSurvey(actor, survey.networkId, survey, membership),
      hasAnswered,
      canSeeResults: maySeeSurveyResults(actor, survey.networkId, survey.status),
    };
  }

  /** The membership of the person's city in their network; null without a city of it. */
  async #membership(actor: PersonActor): Promise<MembershipType | null> {
    const person = await this.#networks.person(actor.networkId, actor.personId);
    if (person.cityId === null) return null;
    return (
      (await this.#networks.members(actor.networkId)).find((m) => m.cityId === person.cityId)?.membership ??
      null
    );
  }

  #requireManage(actor: NetworkActor, networkId: string): void {
    requireNetwork(actor, networkId);
    if (!mayManageSurveys(actor, networkId)) {
      throw forbidden('Surveys are prepared, opened and closed by the network’s facilitator and expert.');
    }
  }
}

async function ofNetwork(store: SurveyStore, networkId: string, surveyId: string): Promise<SurveyRecord> {
  const survey = await store.get(surveyId);
  if (!survey || survey.networkId !== networkId) throw noSuchSurvey();
  return survey;
}

/** [SV5] a draft is "no such survey" to those who do not manage it. */
async function visible(
  store: SurveyStore,
  actor: NetworkActor,
  networkId: string,
  surveyId: string,
): Promise<SurveyRecord> {
  requireNetwork(actor, networkId);
  const survey = await ofNetwork(store, networkId, surveyId);
  if (!maySeeSurvey(actor, networkId, survey.status)) throw noSuchSurvey();
  return survey;
}

function requireNetwork(actor: NetworkActor, networkId: string): void {
  if (actor.kind === 'person' && actor.networkId !== networkId) {
    throw forbidden('A personal link opens its own network only.');
  }
}

/** The surveys on the stores' database, over the network's people and meetings. */
export function createSurveyService(sql: SqlDatabase, networks: NetworkServices): SurveyService {
  return new SurveyService(new SurveyStore(sql), networks.networks, networks.meetings);
}
