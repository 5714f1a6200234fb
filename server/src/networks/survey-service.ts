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
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { PersonActor } from './home-access';
import type { MeetingService } from './meeting-service';
import type { NetworkService } from './network-service';
import type { NetworkServices } from './network-services';
import { SqliteSurveyStore, type SurveyRecord } from './survey-store';
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
  readonly #store: SqliteSurveyStore;
  readonly #networks: NetworkService;
  readonly #meetings: MeetingService;
  readonly #now: () => Date;

  constructor(
    store: SqliteSurveyStore,
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
    this.#requireNetwork(actor, networkId);
    const network = await this.#networks.get(networkId);
    const meetings = await this.#meetings.list(networkId);
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    const answered =
      actor.kind === 'person' ? this.#store.answeredBy(networkId, actor.personId) : new Set<string>();
    return {
      network: { id: network.id, name: network.name },
      canManage: mayManageSurveys(actor, networkId),
      surveys: this.#store
        .ofNetwork(networkId)
        .filter((survey) => maySeeSurvey(actor, networkId, survey.status))
        .map((survey) => ({
          survey: this.#view(survey, meetings),
          viewer: this.#viewer(actor, survey, answered.has(survey.id), membership),
        })),
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
    this.#store.insert({
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
    const survey = this.#visible(actor, networkId, surveyId);
    const answered = actor.kind === 'person' && this.#store.hasAnswered(surveyId, actor.personId);
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    const meetings = await this.#meetings.list(survey.networkId);
    return {
      survey: this.#view(survey, meetings),
      viewer: this.#viewer(actor, survey, answered, membership),
    };
  }

  /** [SV1] questions and the survey's settings change only while it is a draft. */
  update(actor: NetworkActor, networkId: string, surveyId: string, patch: UpdateRequest): void {
    this.#requireManage(actor, networkId);
    this.#store.transaction(() => {
      const survey = this.#ofNetwork(networkId, surveyId);
      if (survey.status !== 'draft') {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.notDraft,
          'The survey has been opened: its questions no longer change.',
        );
      }
      this.#store.update(surveyId, {
        questions: patch.questions ?? survey.questions,
        anonymous: patch.anonymous ?? survey.anonymous,
        observersMayAnswer: patch.observersMayAnswer ?? survey.observersMayAnswer,
      });
    });
  }

  /** Opens a draft for answers, or closes an open survey; a survey does not go back. */
  setStatus(actor: NetworkActor, networkId: string, surveyId: string, to: 'open' | 'closed'): void {
    this.#requireManage(actor, networkId);
    this.#store.transaction(() => {
      const survey = this.#ofNetwork(networkId, surveyId);
      const from = to === 'open' ? 'draft' : 'open';
      if (survey.status !== from) {
        throw new DomainError(
          'conflict',
          to === 'open' ? SURVEY_ERROR_CODES.notDraft : SURVEY_ERROR_CODES.notOpen,
          to === 'open' ? 'Only a draft survey can be opened.' : 'Only an open survey can be closed.',
        );
      }
      const at = this.#now().toISOString();
      if (to === 'open') this.#store.open(surveyId, at);
      else this.#store.close(surveyId, at);
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
    // Read from the network's store before the survey's transaction, which cannot wait for it.
    const membership = actor.kind === 'person' ? await this.#membership(actor) : null;
    this.#store.transaction(() => {
      const survey = this.#visible(actor, networkId, surveyId);
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
      if (this.#store.hasAnswered(surveyId, actor.personId)) {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.alreadyAnswered,
          'You have answered this survey already; an answer cannot be changed.',
        );
      }
      const checked = checkSurveyAnswers(survey.questions, request.answers);
      if (!checked.ok) throw new DomainError('invalid', SURVEY_ERROR_CODES.invalidAnswer, checked.problem);
      this.#store.insertAnswer(surveyId, actor.personId, survey.anonymous, checked.answers);
    });
  }

  /** [SV4] the tally, with each scale question's means in the network's earlier surveys of the same kind. */
  async results(actor: NetworkActor, networkId: string, surveyId: string): Promise<SurveyResults> {
    const survey = this.#visible(actor, networkId, surveyId);
    if (!maySeeSurveyResults(actor, networkId, survey.status)) {
      throw forbidden('The results are shown to the network once the survey is closed.');
    }
    return this.#results(survey);
  }

  /** The home's "surveys to fill in": open, the person may answer, not answered yet. */
  async pending(actor: PersonActor): Promise<PendingSurveysResponse> {
    const membership = await this.#membership(actor);
    const answered = this.#store.answeredBy(actor.networkId, actor.personId);
    const meetings = await this.#meetings.list(actor.networkId);
    return {
      networkId: actor.networkId,
      pending: this.#store
        .ofNetwork(actor.networkId)
        .filter(
          (survey) =>
            survey.status === 'open' &&
            !answered.has(survey.id) &&
            mayAnswerSurvey(actor, actor.networkId, survey, membership),
        )
        .map((survey) => this.#view(survey, meetings)),
    };
  }

  /**
   * The board's view (Format 0's trust step): the latest trust survey of the board's network that
   * has been opened, its results so far. The route has checked the caller works on the board.
   */
  async boardTrustResults(boardId: string): Promise<BoardTrustResultsResponse> {
    const networkId = this.#store.networkOfBoard(boardId);
    if (networkId === null) return { results: null };
    const latest = this.#store
      .ofNetwork(networkId)
      .filter((survey) => survey.kind === 'trust' && survey.openedAt !== null)
      .sort((a, b) => ((a.openedAt ?? '') < (b.openedAt ?? '') ? 1 : -1))[0];
    return { results: latest ? await this.#results(latest) : null };
  }

  /**
   * The tally with its history, or [SV6] nothing but the count while an anonymous survey has
   * fewer answers than the minimum; an earlier survey under the minimum gives the history no point.
   */
  /** The meeting a board belongs to and its network; null for a board of no network. */
  meetingOfBoard(boardId: string): BoardMeeting | null {
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
    const answered = person ? this.#store.answeredBy(meeting.networkId, person.personId) : new Set<string>();
    const marked = new Set([state.asked?.surveyId, state.shown?.surveyId]);
    const surveys = this.#store
      .ofNetwork(meeting.networkId)
      .filter(
        (survey) =>
          survey.status === 'open' || marked.has(survey.id) || (manages && survey.status === 'closed'),
      )
      .filter((survey) => survey.status !== 'draft')
      .slice(0, BOARD_SURVEYS_MAX)
      .map((survey) => {
        const viewer = person
          ? this.#viewer(person, survey, answered.has(survey.id), membership)
          : { canManage: false, canAnswer: false, hasAnswered: false, canSeeResults: false };
        return {
          survey: this.#view(survey, meetings),
          viewer: {
            ...viewer,
            canManage: manages,
            canSeeResults: mayReadBoardSurveyResults(role, survey, state),
          },
        };
      });
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
  openMeetingEvaluation(meeting: BoardMeeting): SurveyRecord {
    return this.#store.transaction(() => {
      const evaluations = this.#store
        .ofNetwork(meeting.networkId)
        .filter((survey) => survey.kind === 'evaluation' && survey.meetingId === meeting.meetingId);
      const open = evaluations.find((survey) => survey.status === 'open');
      if (open) return open;
      const at = this.#now().toISOString();
      const draft = evaluations.find((survey) => survey.status === 'draft');
      if (draft) {
        this.#store.open(draft.id, at);
        return this.#ofNetwork(meeting.networkId, draft.id);
      }
      if (evaluations.length > 0) {
        throw new DomainError(
          'conflict',
          SURVEY_ERROR_CODES.notOpen,
          'This meeting’s evaluation has been closed already.',
        );
      }
      const id = newId(9);
      this.#store.insert({
        id,
        networkId: meeting.networkId,
        meetingId: meeting.meetingId,
        kind: 'evaluation',
        anonymous: true,
        observersMayAnswer: false,
        questions: surveyTemplate('evaluation'),
        createdAt: at,
      });
      this.#store.open(id, at);
      return this.#ofNetwork(meeting.networkId, id);
    });
  }

  /** An open survey of the network, for the pair to ask the room ([SV7]); a draft is no survey to ask. */
  openSurvey(networkId: string, surveyId: string): SurveyRecord {
    const survey = this.#ofNetwork(networkId, surveyId);
    if (survey.status === 'draft') throw noSuchSurvey();
    if (survey.status !== 'open') {
      throw new DomainError('conflict', SURVEY_ERROR_CODES.notOpen, 'This survey is not open for answers.');
    }
    return survey;
  }

  /** A survey of the network whose results the pair may show to the room (not a draft). */
  showable(networkId: string, surveyId: string): SurveyRecord {
    const survey = this.#ofNetwork(networkId, surveyId);
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
    const survey = this.#ofNetwork(meeting.networkId, surveyId);
    if (survey.status === 'draft') throw noSuchSurvey();
    if (!mayReadBoardSurveyResults(role, survey, state)) {
      throw forbidden('The results are shown on the board when the facilitator or expert shows them.');
    }
    return this.#results(survey);
  }

  async #results(survey: SurveyRecord): Promise<SurveyResults> {
    const view = this.#view(survey, await this.#meetings.list(survey.networkId));
    if (!surveyResultsShown(view)) {
      return { survey: view, questions: [], withheld: { minimum: SURVEY_ANONYMOUS_RESULTS_MIN } };
    }
    const tally = (record: SurveyRecord) => tallySurvey(record.questions, this.#store.answers(record.id));
    const earlier = this.#store
      .ofNetwork(survey.networkId)
      .filter(
        (other) =>
          other.kind === survey.kind &&
          other.id !== survey.id &&
          other.openedAt !== null &&
          survey.openedAt !== null &&
          other.openedAt < survey.openedAt &&
          surveyResultsShown({ anonymous: other.anonymous, respondents: this.#store.respondents(other.id) }),
      )
      .map((other) => ({ surveyId: other.id, at: other.openedAt ?? other.createdAt, results: tally(other) }));
    return { survey: view, questions: withHistory(tally(survey), earlier), withheld: null };
  }

  /** `meetings`: the survey's network's, read once by the caller for all the surveys it shows. */
  #view(survey: SurveyRecord, meetings: Meeting[]): Survey {
    const meeting =
      survey.meetingId === null ? null : (meetings.find((m) => m.id === survey.meetingId) ?? null);
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
      respondents: this.#store.respondents(survey.id),
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

  #requireNetwork(actor: NetworkActor, networkId: string): void {
    if (actor.kind === 'person' && actor.networkId !== networkId) {
      throw forbidden('A personal link opens its own network only.');
    }
  }

  #requireManage(actor: NetworkActor, networkId: string): void {
    this.#requireNetwork(actor, networkId);
    if (!mayManageSurveys(actor, networkId)) {
      throw forbidden('Surveys are prepared, opened and closed by the network’s facilitator and expert.');
    }
  }

  #ofNetwork(networkId: string, surveyId: string): SurveyRecord {
    const survey = this.#store.get(surveyId);
    if (!survey || survey.networkId !== networkId) throw noSuchSurvey();
    return survey;
  }

  /** [SV5] a draft is "no such survey" to those who do not manage it. */
  #visible(actor: NetworkActor, networkId: string, surveyId: string): SurveyRecord {
    this.#requireNetwork(actor, networkId);
    const survey = this.#ofNetwork(networkId, surveyId);
    if (!maySeeSurvey(actor, networkId, survey.status)) throw noSuchSurvey();
    return survey;
  }
}

/** The surveys on the embedded database, over the network's people and meetings. */
export function createSurveyService(db: SqliteDatabase, networks: NetworkServices): SurveyService {
  return new SurveyService(new SqliteSurveyStore(db), networks.networks, networks.meetings);
}
