import { isShared, publicPaths, type BoardInfo, type PublicationState } from '@empiria/shared';
import { DomainError } from '../domain-error';
import type { MeetingRecord } from '../networks/network-store';
import type { ApprovalService } from '../summary/approval-service';
import { DEFAULT_TIME_ZONE } from '../summary/export-time';
import type { MeetingNotes } from '../summary/meeting-notes';
import { noteLanguage } from '../summary/note-language';
import type { SummaryVersion } from '../summary/version-store';
import type { FeedNote } from './public-feed';
import type { PublicNetworkView } from './public-html';
import type { PublicNetworkRecord } from './public-network-store';
import { productsOfNote } from './public-products';
import { formatOfBoard } from '../boards/board-format';

/** What publication reads, each from its owner. */
export interface PublicationSources {
  /** The network, or null when there is none. */
  network(networkId: string): Promise<{ id: string; name: string; theme: string } | null>;
  cities(networkId: string): Promise<{ name: string; observer: boolean }[]>;
  /** The network's meetings, oldest first. */
  meetings(networkId: string): Promise<MeetingRecord[]>;
  board(boardId: string): Promise<BoardInfo | null>;
  approvals: Pick<ApprovalService, 'latestApproved' | 'sharingInput' | 'approvalOf'>;
  pages: {
    get(networkId: string): Promise<PublicNetworkRecord | null>;
    open(networkId: string, openedBy: string, at: string): Promise<void>;
    close(networkId: string): Promise<void>;
  };
  /** The instance's public address (PUBLIC_URL), for the page's absolute links. */
  publicUrl(): string;
}

/** One note its group agreed to publish: the meeting's latest approved version ([PUB2]). */
interface PublishedNote {
  meeting: MeetingRecord;
  board: BoardInfo;
  version: SummaryVersion;
  approvedAt: number;
}

/** Same answer for a network that does not exist and one whose page is closed ([PUB4]). */
const NO_PAGE = 'There is no public page here.';
const NO_NOTE = 'There is no published note here.';

/**
 * The network's public page (issue #13 item 6; rules PUB1–PUB4): the pair opens or closes it;
 * while it is open it lists each meeting whose latest approved note its group agreed to publish —
 * asked of `sharingDecision` (audience `public`) on every request, so a withdrawn consent takes the
 * note down at the next one. Nothing here is cached or copied: the note is read from its approved
 * version each time.
 */
export class PublicationService {
  readonly #sources: PublicationSources;

  constructor(sources: PublicationSources) {
    this.#sources = sources;
  }

  /** The page's state for the pair (the caller checked who may see it). */
  async state(networkId: string): Promise<PublicationState> {
    await this.#network(networkId);
    const page = await this.#sources.pages.get(networkId);
    const origin = this.#origin();
    return {
      networkId,
      public: page !== null,
      since: page?.openedAt ?? null,
      url: `${origin}${publicPaths.network(networkId)}`,
      feedUrl: `${origin}${publicPaths.feed(networkId)}`,
      publishedNotes: (await this.#published(networkId)).length,
    };
  }

  /** [PUB1] opens or closes the page (the caller checked who may). */
  async setPublic(networkId: string, open: boolean, by: string, now = new Date()): Promise<PublicationState> {
    await this.#network(networkId);
    if (open) await this.#sources.pages.open(networkId, by, now.toISOString());
    else await this.#sources.pages.close(networkId);
    return this.state(networkId);
  }

  /** The page's content, or 404 when the network has no open page ([PUB4]). */
  async page(networkId: string): Promise<PublicNetworkView> {
    const network = (await this.#openNetwork(networkId)).network;
    const published = await this.#published(networkId);
    return {
      network,
      cities: await this.#sources.cities(networkId),
      notes: published.map(({ meeting, approvedAt, version }) => ({
        meetingId: meeting.id,
        title: version.content.record.meetingTitle || meeting.title,
        startsAt: meeting.startsAt,
        approvedAt,
      })),
      products: published.flatMap(({ meeting, board, version }) =>
        productsOfNote(version.content.blocks, (formatId, stepId) => stepsFrom(board, formatId, stepId)).map(
          (product) => ({
            ...product,
            meetingId: meeting.id,
            meetingTitle: version.content.record.meetingTitle || meeting.title,
          }),
        ),
      ),
    };
  }

  /** The feed's content: the page's network and its published notes. */
  async feed(networkId: string): Promise<{
    origin: string;
    network: PublicNetworkView['network'];
    openedAt: string;
    notes: FeedNote[];
  }> {
    const { network, page } = await this.#openNetwork(networkId);
    return {
      origin: this.#origin(),
      network,
      openedAt: page.openedAt,
      notes: (await this.#published(networkId)).map(({ meeting, version, approvedAt }) => ({
        meetingId: meeting.id,
        versionId: version.id,
        title: version.content.record.meetingTitle || meeting.title,
        approvedAt,
      })),
    };
  }

  /** A published note as its approved version froze it, or 404 (never 403: [PUB4]). */
  async note(networkId: string, meetingId: string): Promise<MeetingNotes> {
    await this.#openNetwork(networkId);
    const published = (await this.#published(networkId)).find((entry) => entry.meeting.id === meetingId);
    if (!published) throw new DomainError('not_found', 'not_found', NO_NOTE);
    const { board, version, approvedAt } = published;
    const { decisions, consents } = await this.#sources.approvals.approvalOf(version);
    const language = noteLanguage(version.content.blocks, board.language);
    return {
      boardTitle: board.title,
      formatName: formatOfBoard(board).name[language],
      language,
      timeZone: DEFAULT_TIME_ZONE,
      ...version.content,
      status: {
        kind: 'approved',
        versionId: version.id,
        hash: version.hash,
        rule: version.rule,
        approvedAt,
        decisions,
        consents,
      },
    };
  }

  #origin(): string {
    return this.#sources.publicUrl().replace(/\/+$/, '');
  }

  async #network(networkId: string) {
    const network = await this.#sources.network(networkId);
    if (!network) throw new DomainError('not_found', 'not_found', NO_PAGE);
    return network;
  }

  async #openNetwork(networkId: string) {
    const network = await this.#sources.network(networkId);
    const page = network ? await this.#sources.pages.get(networkId) : null;
    if (!network || !page) throw new DomainError('not_found', 'not_found', NO_PAGE);
    return { network, page };
  }

  /**
   * [PUB2] the meetings whose latest approved version its group agreed to publish, newest meeting
   * first. Only the latest: a note approved again is published again by its own group's consent.
   */
  async #published(networkId: string): Promise<PublishedNote[]> {
    const published: PublishedNote[] = [];
    for (const meeting of await this.#sources.meetings(networkId)) {
      const board = await this.#sources.board(meeting.boardId);
      const version = board ? await this.#sources.approvals.latestApproved(board.id) : null;
      if (!board || !version) continue;
      if (!isShared(await this.#sources.approvals.sharingInput(version), 'public')) continue;
      published.push({ meeting, board, version, approvedAt: version.closedAt ?? version.openedAt });
    }
    return published.reverse();
  }
}

/**
 * The ids of the board's steps that are `stepId` of `formatId`: a plain board's own step, or the
 * positions of a meeting's agenda items (D16). The same reading as continuity's `stepsFrom`.
 */
export function stepsFrom(board: BoardInfo, formatId: string, stepId: string): ReadonlySet<string> {
  if (!board.agenda || board.agenda.length === 0) {
    return board.format === formatId ? new Set([stepId]) : new Set();
  }
  const steps = formatOfBoard(board).steps;
  const ids = new Set<string>();
  board.agenda.forEach((item, index) => {
    const step = steps[index];
    if (step && item.kind === 'step' && item.format === formatId && item.stepId === stepId) ids.add(step.id);
  });
  return ids;
}
