import type * as Y from 'yjs';
import { PLAN_SECTIONS, readPlanTexts, type PlanSectionId } from '@empiria/shared';
import type { Logger } from '../log';
import type { SectionRecord, SqlitePlanStore } from './plan-store';

/** Typing pauses longer than this are a save: one revision per pause, not per keystroke. */
export const PLAN_MIRROR_QUIET_MS = 1500;

interface Pending {
  text: string;
  author: string;
}

/**
 * The plan's sections live in the network's Yjs document (D19); this keeps the table
 * `plan_sections` a faithful copy for everything that reads the plan without the document: the
 * API, the Word export, "propose from notes", the search. Each section's copy carries who last
 * wrote it and a revision that grows once per pause in typing, so "saved by Anna at 10:32" and the
 * API's `baseRevision` keep meaning what they meant.
 */
export class PlanSectionsMirror {
  readonly #store: SqlitePlanStore;
  readonly #now: () => Date;
  readonly #log: Logger;
  /** What the table holds, per network, once read. */
  readonly #known = new Map<string, Map<PlanSectionId, string>>();
  readonly #pending = new Map<string, Map<PlanSectionId, Pending>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(store: SqlitePlanStore, log: Logger, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#log = log;
    this.#now = now;
  }

  /** The sections as the table holds them: what a network's document starts from. */
  storedTexts(networkId: string): Map<PlanSectionId, string> {
    let known = this.#known.get(networkId);
    if (!known) {
      known = new Map(this.#store.sections(networkId).map((s) => [s.section, s.text]));
      this.#known.set(networkId, known);
    }
    return known;
  }

  /** After a member's edit: the sections that differ from the copy wait for a pause, then are written. */
  edited(networkId: string, doc: Y.Doc, author: string): void {
    const known = this.storedTexts(networkId);
    const texts = readPlanTexts(doc);
    let changed = false;
    for (const id of PLAN_SECTIONS) {
      if (texts[id] === (known.get(id) ?? '')) {
        this.#pending.get(networkId)?.delete(id);
        continue;
      }
      let pending = this.#pending.get(networkId);
      if (!pending) this.#pending.set(networkId, (pending = new Map()));
      pending.set(id, { text: texts[id], author });
      changed = true;
    }
    if (!changed) return;
    const previous = this.#timers.get(networkId);
    if (previous) clearTimeout(previous);
    const timer = setTimeout(() => {
      this.#timers.delete(networkId);
      try {
        this.flush(networkId);
      } catch (err) {
        this.#log.error('could not copy the work plan to its table', { network: networkId, err });
      }
    }, PLAN_MIRROR_QUIET_MS);
    timer.unref();
    this.#timers.set(networkId, timer);
  }

  /**
   * Writes what waits now: before anything reads the table (a request, an export), and when the
   * room closes. Returns the sections written.
   */
  flush(networkId: string): PlanSectionId[] {
    const timer = this.#timers.get(networkId);
    if (timer) clearTimeout(timer);
    this.#timers.delete(networkId);
    const pending = this.#pending.get(networkId);
    this.#pending.delete(networkId);
    if (!pending || pending.size === 0) return [];
    const at = this.#now().toISOString();
    this.#store.transaction(() => {
      const revisions = new Map(this.#store.sections(networkId).map((s) => [s.section, s.revision]));
      for (const [section, { text, author }] of pending) {
        const record: SectionRecord = {
          section,
          text,
          revision: (revisions.get(section) ?? 0) + 1,
          updatedAt: at,
          updatedBy: author,
        };
        this.#store.putSection(networkId, record);
      }
    });
    const known = this.storedTexts(networkId);
    for (const [section, { text }] of pending) known.set(section, text);
    return [...pending.keys()];
  }

  /** Drops the timers (the server is stopping; the rooms' close flushes first). */
  close(): void {
    for (const networkId of [...this.#timers.keys()]) this.flush(networkId);
  }
}
