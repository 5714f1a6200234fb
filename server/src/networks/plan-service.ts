import {
  isCoreMembership,
  isOpenStatus,
  mayPlan,
  maySetActionStatus,
  PLAN_ERROR_CODES,
  PLAN_SECTIONS,
  PLAN_SEED_SOURCES,
  proposePlanSections,
  type Meeting,
  type NetworkActor,
  type PlanAct,
  type PlanAction,
  type PlanActionStatus,
  type PlanActor,
  type PlanMeetingRef,
  type PlanResponse,
  type PlanReviewResponse,
  type PlanSection,
  type PlanSectionId,
  type StaleRevisionDetails,
} from '@empiria/shared';
import { newId } from '../ids';
import type { ContinuityService } from './continuity-service';
import type { MeetingService } from './meeting-service';
import type { NetworkService } from './network-service';
import type { NetworkServices } from './network-services';
import type { ActionRecord, ChangeRecord, PlanStore, SectionRecord } from './plan-store';
import { DomainError } from '../domain-error';

const forbidden = (message: string) => new DomainError('forbidden', 'forbidden', message);
const noSuch = (what: string) => new DomainError('not_found', 'not_found', `No such ${what}.`);

/** Who made a change, as the history names them. */
export interface PlanAuthor {
  name: string;
}

export interface SectionSave {
  section: PlanSectionId;
  text: string;
  baseRevision: number;
}

export interface NewAction {
  title: string;
  ownerCityId?: string | null | undefined;
  deadline: string | null;
  notes: string;
  decidedAtMeetingId: string | null;
}

export interface ActionPatch {
  title?: string | undefined;
  ownerCityId?: string | undefined;
  deadline?: string | null | undefined;
  notes?: string | undefined;
  status?: PlanActionStatus | undefined;
  atMeetingId?: string | null | undefined;
}

/**
 * The sections' shared document (plan-room.ts): the service reads the table, which the document
 * keeps current, and writes through the document, so an API save and a live edit never overwrite
 * each other unseen.
 */
export interface PlanSectionsDocument {
  /** Brings the table up to date with the document (what waits for a pause in typing). */
  flush(networkId: string): Promise<void>;
  /**
   * In the document's queue, once the table is current: `decide` is given the table's sections
   * and returns the sections to write (or throws to write nothing); they are written as
   * `author`'s, and are in the table when the promise resolves.
   */
  write(
    networkId: string,
    author: string,
    decide: (stored: SectionRecord[]) => Partial<Record<PlanSectionId, string>>,
  ): Promise<void>;
}

/** The board a plan review runs on: its meeting, and who leads it there (the board's session). */
export interface ReviewBoard {
  boardId: string;
  leadName: string;
}

/**
 * A network's work plan (issue #13 item 1; rules W1–W5 in docs/permissions.md). Sections are
 * plain text with a revision each: a save names the revision it started from and is refused when
 * someone saved since (409 `stale_revision` with the current text; nothing is overwritten).
 * Actions belong to a core member city; every status change is recorded with who, when and, when
 * made in a plan review on a meeting's board, that meeting. Each change is one transaction ([N11]).
 */
export class PlanService {
  readonly #store: PlanStore;
  readonly #networks: NetworkService;
  readonly #meetings: MeetingService;
  readonly #continuity: ContinuityService;
  readonly #document: PlanSectionsDocument;
  readonly #now: () => Date;

  constructor(
    store: PlanStore,
    networks: NetworkService,
    meetings: MeetingService,
    continuity: ContinuityService,
    document: PlanSectionsDocument,
    now: () => Date = () => new Date(),
  ) {
    this.#store = store;
    this.#document = document;
    this.#networks = networks;
    this.#meetings = meetings;
    this.#continuity = continuity;
    this.#now = now;
  }

  /** The actor as the plan's rules see them: with their city and whether it is a core member. */
  async planActor(actor: NetworkActor, networkId: string): Promise<PlanActor> {
    if (actor.kind === 'office') return actor;
    if (actor.networkId !== networkId) return { ...actor, cityId: null, coreCity: false };
    const person = await this.#networks.person(networkId, actor.personId);
    const member = person.cityId
      ? (await this.#networks.members(networkId)).find((m) => m.cityId === person.cityId)
      : undefined;
    return {
      ...actor,
      cityId: person.cityId,
      coreCity: member ? isCoreMembership(member.membership) : false,
    };
  }

  async authorOf(actor: NetworkActor, networkId: string): Promise<PlanAuthor> {
    if (actor.kind === 'office') return { name: 'Biuro ZMP' };
    return { name: (await this.#networks.person(networkId, actor.personId)).name };
  }

  async view(actor: NetworkActor, networkId: string): Promise<PlanResponse> {
    const planActor = await this.#require(actor, 'plan.read', networkId);
    await this.#document.flush(networkId);
    const network = await this.#networks.get(networkId);
    const cities = await this.#coreCities(networkId);
    const canEdit = mayPlan(planActor, 'plan.edit', networkId);
    const statusCityIds = cities
      .filter((c) => maySetActionStatus(planActor, networkId, c.cityId))
      .map((c) => c.cityId);
    const meetings = await this.#meetingRefs(networkId);
    return {
      network: { id: network.id, name: network.name, theme: network.theme },
      viewer: {
        canEdit,
        canWrite: mayPlan(planActor, 'plan.write', networkId),
        statusCityIds,
        allCities: canEdit,
      },
      sections: sectionsOf(await this.#store.sections(networkId)),
      actions: await this.#actions(networkId, meetings),
      cities,
      meetings: [...meetings.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    };
  }

  /**
   * [W1][W6] one section's text, on the revision the writer started from (the API's way; the page
   * edits the document live). Written through the document, so those typing see it at once.
   */
  async saveSection(actor: NetworkActor, networkId: string, save: SectionSave): Promise<PlanSection> {
    await this.#require(actor, 'plan.write', networkId);
    const author = await this.authorOf(actor, networkId);
    const section = (stored: SectionRecord[]) =>
      sectionsOf(stored).find((s) => s.id === save.section) as PlanSection;
    await this.#document.write(networkId, author.name, (stored) => {
      const current = section(stored);
      if (current.revision !== save.baseRevision) {
        throw new DomainError(
          'conflict',
          PLAN_ERROR_CODES.staleRevision,
          `Someone saved this section meanwhile (revision ${current.revision}, yours was ${save.baseRevision}): merge and save again.`,
          // The section as saved meanwhile, for the client to merge with (StaleRevisionDetails).
          { details: { current } satisfies StaleRevisionDetails },
        );
      }
      return { [save.section]: save.text };
    });
    return section(await this.#store.sections(networkId));
  }

  /**
   * "Zaproponuj z notatek": the empty sections filled from the approved notes (Format 0's topics
   * and next formats, Format 1's scheme), read through continuity's readers; the sections the
   * pair wrote stay as they are. 409 `nothing_to_seed` when the notes have nothing for them.
   */
  async seed(actor: NetworkActor, networkId: string): Promise<{ seeded: PlanSectionId[] }> {
    await this.#require(actor, 'plan.edit', networkId);
    const author = await this.authorOf(actor, networkId);
    const found = await this.#continuity.linesFromNotes(networkId, PLAN_SEED_SOURCES);
    const findings = PLAN_SEED_SOURCES.map((source, i) => ({ source, lines: found[i] ?? [] }));
    let seeded: PlanSectionId[] = [];
    await this.#document.write(networkId, author.name, (stored) => {
      const current = Object.fromEntries(sectionsOf(stored).map((s) => [s.id, s.text])) as Record<
        PlanSectionId,
        string
      >;
      const proposals = proposePlanSections(findings, current);
      seeded = PLAN_SECTIONS.filter((id) => proposals[id] !== undefined);
      if (seeded.length === 0) {
        throw new DomainError(
          'conflict',
          PLAN_ERROR_CODES.nothingToSeed,
          'The approved notes have nothing for the plan’s empty sections.',
        );
      }
      return Object.fromEntries(seeded.map((id) => [id, proposals[id] as string]));
    });
    return { seeded };
  }

  /** [W1] the pair adds an action; [W2] owned by a core member city (400 `owner_required`, 409 `city_not_member`). */
  async createAction(actor: NetworkActor, networkId: string, request: NewAction): Promise<PlanAction> {
    await this.#require(actor, 'plan.edit', networkId);
    const author = await this.authorOf(actor, networkId);
    const ownerCityId = await this.#ownerCity(networkId, request.ownerCityId);
    if (request.decidedAtMeetingId) await this.#meeting(networkId, request.decidedAtMeetingId);
    const at = this.#now().toISOString();
    const id = newId(9);
    await this.#store.transaction(async (store) => {
      await store.insertAction({
        id,
        networkId,
        ownerCityId,
        title: request.title,
        deadline: request.deadline,
        status: 'planned',
        notes: request.notes,
        decidedMeetingId: request.decidedAtMeetingId,
        createdAt: at,
      });
      await store.insertChange({
        actionId: id,
        at,
        byName: author.name,
        from: null,
        to: 'planned',
        meetingId: request.decidedAtMeetingId,
      });
    });
    return this.#actionView(networkId, id);
  }

  /**
   * [W1] the pair changes anything of an action; [W3] a core city's people change only the status
   * of their own city's actions. A status change is recorded, with its meeting when given.
   */
  async updateAction(
    actor: NetworkActor,
    networkId: string,
    actionId: string,
    patch: ActionPatch,
  ): Promise<PlanAction> {
    const planActor = await this.#require(actor, 'plan.read', networkId);
    const action = await actionIn(this.#store, networkId, actionId);
    const editsMore = Object.entries(patch).some(
      ([key, value]) => value !== undefined && key !== 'status' && key !== 'atMeetingId',
    );
    if (editsMore && !mayPlan(planActor, 'plan.edit', networkId)) {
      throw forbidden('Only the facilitator and the expert change an action; you may set its status.');
    }
    if (patch.status !== undefined && !maySetActionStatus(planActor, networkId, action.ownerCityId)) {
      throw forbidden('You may set the status of your own city’s actions only.');
    }
    const ownerCityId =
      patch.ownerCityId !== undefined
        ? await this.#ownerCity(networkId, patch.ownerCityId)
        : action.ownerCityId;
    const meetingId = patch.atMeetingId ?? null;
    if (meetingId) await this.#meeting(networkId, meetingId);
    const author = await this.authorOf(actor, networkId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      // Read again inside: a status set meanwhile is the one this change starts from.
      const current = await actionIn(store, networkId, actionId);
      await applyChange(store, current, { ...patch, ownerCityId }, author.name, meetingId, at);
    });
    return this.#actionView(networkId, actionId);
  }

  /** The open actions for a review on a meeting's board, and those already changed at that meeting. */
  async review(board: ReviewBoard): Promise<PlanReviewResponse> {
    const meeting = await this.#meetingOfBoard(board.boardId);
    const refs = await this.#meetingRefs(meeting.networkId);
    const changedHere = new Set(
      (await this.#store.changes(meeting.networkId))
        .filter((c) => c.meetingId === meeting.id && c.from !== null)
        .map((c) => c.actionId),
    );
    return {
      networkId: meeting.networkId,
      meeting: refOf(meeting),
      actions: (await this.#actions(meeting.networkId, refs)).filter(
        (a) => isOpenStatus(a.status) || changedHere.has(a.id),
      ),
    };
  }

  /** A status set in a review on the board: recorded with the board's meeting. */
  async reviewStatus(board: ReviewBoard, actionId: string, status: PlanActionStatus): Promise<PlanAction> {
    const meeting = await this.#meetingOfBoard(board.boardId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const action = await actionIn(store, meeting.networkId, actionId);
      await applyChange(store, action, { status }, board.leadName, meeting.id, at);
    });
    return this.#actionView(meeting.networkId, actionId);
  }

  async #require(actor: NetworkActor, act: PlanAct, networkId: string): Promise<PlanActor> {
    if (actor.kind === 'person' && actor.networkId !== networkId) {
      throw forbidden('This personal link belongs to another network.');
    }
    await this.#networks.get(networkId);
    const planActor = await this.planActor(actor, networkId);
    if (mayPlan(planActor, act, networkId)) return planActor;
    if (act === 'plan.read') {
      throw forbidden('The work plan is the core members’ document: observer cities do not see it.');
    }
    throw forbidden(
      actor.kind === 'office'
        ? 'The office reads the plan; the facilitator and the expert write it.'
        : 'Only the facilitator and the expert change the plan.',
    );
  }

  async #coreCities(networkId: string): Promise<{ cityId: string; city: string }[]> {
    return (await this.#networks.members(networkId))
      .filter((m) => isCoreMembership(m.membership))
      .map((m) => ({ cityId: m.cityId, city: m.city }))
      .sort((a, b) => a.city.localeCompare(b.city, 'pl'));
  }

  async #ownerCity(networkId: string, cityId: string | null | undefined): Promise<string> {
    if (!cityId) {
      throw new DomainError(
        'invalid',
        PLAN_ERROR_CODES.ownerRequired,
        'An action needs the member city that owns it.',
      );
    }
    if (!(await this.#coreCities(networkId)).some((c) => c.cityId === cityId)) {
      throw new DomainError(
        'conflict',
        PLAN_ERROR_CODES.cityNotMember,
        'That city is not a (core) member city of this network.',
      );
    }
    return cityId;
  }

  #meeting(networkId: string, meetingId: string): Promise<Meeting> {
    return this.#meetings.get(networkId, meetingId);
  }

  async #meetingOfBoard(boardId: string): Promise<Meeting> {
    const found = await this.#store.meetingOfBoard(boardId);
    if (!found) throw noSuch('network meeting on this board');
    return this.#meetings.get(found.networkId, found.meetingId);
  }

  async #meetingRefs(networkId: string): Promise<Map<string, PlanMeetingRef>> {
    return new Map((await this.#meetings.list(networkId)).map((m) => [m.id, refOf(m)]));
  }

  async #actionView(networkId: string, actionId: string): Promise<PlanAction> {
    const found = (await this.#actions(networkId, await this.#meetingRefs(networkId))).find(
      (a) => a.id === actionId,
    );
    if (!found) throw noSuch('action in this plan');
    return found;
  }

  async #actions(networkId: string, meetings: Map<string, PlanMeetingRef>): Promise<PlanAction[]> {
    const changes = new Map<string, ChangeRecord[]>();
    for (const change of await this.#store.changes(networkId)) {
      const list = changes.get(change.actionId) ?? [];
      list.push(change);
      changes.set(change.actionId, list);
    }
    const refOfId = (id: string | null) => (id ? (meetings.get(id) ?? null) : null);
    return (await this.#store.actions(networkId)).map((action) => {
      const history = changes.get(action.id) ?? [];
      const reviewed = [
        ...new Set(history.filter((c) => c.from !== null && c.meetingId).map((c) => c.meetingId as string)),
      ].flatMap((id) => (meetings.get(id) ? [meetings.get(id) as PlanMeetingRef] : []));
      return {
        id: action.id,
        title: action.title,
        ownerCityId: action.ownerCityId,
        ownerCity: action.ownerCity,
        deadline: action.deadline,
        status: action.status,
        notes: action.notes,
        createdAt: action.createdAt,
        decidedAt: refOfId(action.decidedMeetingId),
        reviewedAt: reviewed,
        history: history.map((c) => ({
          at: c.at,
          by: c.byName,
          from: c.from,
          to: c.to,
          meeting: refOfId(c.meetingId),
        })),
      };
    });
  }
}

async function actionIn(store: PlanStore, networkId: string, actionId: string): Promise<ActionRecord> {
  const action = await store.action(actionId);
  if (!action || action.networkId !== networkId) throw noSuch('action in this plan');
  return action;
}

/** Writes the patch over the action; a status change is recorded, with its meeting when given. */
async function applyChange(
  store: PlanStore,
  action: ActionRecord,
  patch: ActionPatch,
  byName: string,
  meetingId: string | null,
  at: string,
): Promise<void> {
  const status = patch.status ?? action.status;
  await store.updateAction({
    id: action.id,
    ownerCityId: patch.ownerCityId ?? action.ownerCityId,
    title: patch.title ?? action.title,
    deadline: patch.deadline !== undefined ? patch.deadline : action.deadline,
    notes: patch.notes ?? action.notes,
    status,
    decidedMeetingId: action.decidedMeetingId,
  });
  if (status !== action.status) {
    await store.insertChange({ actionId: action.id, at, byName, from: action.status, to: status, meetingId });
  }
}

/** The nine sections as the plan shows them: those never written are empty, at revision 0. */
function sectionsOf(records: SectionRecord[]): PlanSection[] {
  const stored = new Map(records.map((s) => [s.section, s]));
  return PLAN_SECTIONS.map((id) => {
    const record = stored.get(id);
    return record ? toSection(record) : { id, text: '', revision: 0, updatedAt: null, updatedBy: null };
  });
}

const toSection = (record: SectionRecord): PlanSection => ({
  id: record.section,
  text: record.text,
  revision: record.revision,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
});

const refOf = (meeting: Meeting): PlanMeetingRef => ({
  meetingId: meeting.id,
  title: meeting.title,
  startsAt: meeting.startsAt,
});

/** The work plan on the embedded database, over the network's people and meetings and continuity's note readers. */
export function createPlanService(
  store: PlanStore,
  networks: NetworkServices,
  continuity: ContinuityService,
  document: PlanSectionsDocument,
): PlanService {
  return new PlanService(store, networks.networks, networks.meetings, continuity, document);
}
