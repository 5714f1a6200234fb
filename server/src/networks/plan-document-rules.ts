import * as Y from 'yjs';
import {
  PLAN_DOC_SECTIONS,
  PLAN_SECTION_MAX,
  PLAN_SECTIONS,
  planSectionText,
  planSectionsMap,
} from '@empiria/shared';
import {
  clearForeignRoots,
  rootRefusal,
  type Correction,
  type DocumentRules,
  type RootAccess,
} from '../sync/document-rules';
import type { RoomMember } from '../sync/room-member';
import type { UpdateInspection } from '../sync/update-inspection';
import type { Logger } from '../log';
import type { PlanSectionsMirror } from './plan-mirror';

const PLAN_ROOTS: RootAccess = { [PLAN_DOC_SECTIONS]: 'clients' };
const SECTION_IDS: ReadonlySet<string> = new Set(PLAN_SECTIONS);

/**
 * The work plan's document ([W6], D19): nine plain texts, created by the server. A member edits
 * inside them and nothing else: no new map entries (a section created twice at once would lose one
 * writer's words), no formatting or embedded values, no section longer than the API allows.
 */
export class PlanDocumentRules implements DocumentRules {
  readonly #networkId: string;
  readonly #mirror: PlanSectionsMirror;
  readonly #authorOf: (personId: string) => Promise<string> | string;
  readonly #log: Logger;

  constructor(options: {
    networkId: string;
    mirror: PlanSectionsMirror;
    /** The name the plan shows as the last writer of a section. */
    authorOf: (personId: string) => Promise<string> | string;
    log: Logger;
  }) {
    this.#networkId = options.networkId;
    this.#mirror = options.mirror;
    this.#authorOf = options.authorOf;
    this.#log = options.log;
  }

  /** What `repair` and `apply` compare with, read from the table before the room loads. */
  prepare(): Promise<void> {
    return this.#mirror.load(this.#networkId);
  }

  refusal(inspection: UpdateInspection): string | null {
    const roots = rootRefusal(inspection, PLAN_ROOTS);
    if (roots) return roots;
    for (const { place } of inspection.deletions)
      if (place.depth === 0) return 'removes a section of the plan, which only the server creates';
    for (const { place, content } of inspection.insertions) {
      if (content instanceof Y.ContentDeleted) continue;
      if (place.depth === 0) return 'creates a section of the plan, which only the server does';
      if (!(place.container instanceof Y.Text) || place.depth !== 1)
        return 'writes something other than the text of a section';
      if (!(content instanceof Y.ContentString)) return 'a section of the plan holds plain text only';
    }
    return null;
  }

  async apply(doc: Y.Doc, update: Uint8Array, member: RoomMember): Promise<Correction | null> {
    // Looked up before the update is applied: between the two nothing may await (the room's
    // queue holds the document, but Yjs's observers expect the update and its copy together).
    const author = await this.#authorOf(member.personId);
    Y.applyUpdate(doc, update, member);
    const tooLong = PLAN_SECTIONS.filter((id) => (planSectionText(doc, id)?.length ?? 0) > PLAN_SECTION_MAX);
    this.#mirror.edited(this.#networkId, doc, author);
    if (tooLong.length === 0) return null;
    // Two writers can together pass the limit with edits that each fitted: cut the end, for everyone.
    return (fixed) => {
      for (const id of tooLong) {
        const text = planSectionText(fixed, id);
        if (text && text.length > PLAN_SECTION_MAX)
          text.delete(PLAN_SECTION_MAX, text.length - PLAN_SECTION_MAX);
      }
      this.#mirror.edited(this.#networkId, fixed, author);
    };
  }

  /**
   * On load: the nine texts exist before anyone is greeted. A plan written before the plan had a
   * document (its table only) starts from the table's texts.
   */
  repair(doc: Y.Doc): void {
    clearForeignRoots(doc, PLAN_ROOTS);
    const sections = planSectionsMap(doc);
    for (const key of [...sections.keys()]) if (!SECTION_IDS.has(key)) sections.delete(key);
    const stored = this.#mirror.storedTexts(this.#networkId);
    for (const id of PLAN_SECTIONS) {
      if (sections.get(id) instanceof Y.Text) continue;
      sections.set(id, new Y.Text(stored.get(id) ?? ''));
    }
  }

  /** The room has closed: what waits is written now (the server's close awaits it, `mirror.close`). */
  dispose(): void {
    this.#mirror.flush(this.#networkId).catch((err: unknown) => {
      this.#log.error('could not copy the work plan to its table', { network: this.#networkId, err });
    });
  }
}
