import type * as Y from 'yjs';
import { PLAN_SECTIONS, readPlanTexts, type PlanSectionId } from '@empiria/shared';
import type { Logger } from '../log';
import type { PlanStore, SectionRecord } from './plan-store';

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
 *
 * The document's rules run inside Yjs's update handling, which cannot wait for a database: what
 * they compare with (`storedTexts`) is read before the room loads (`load`, from the rules'
 * `prepare`) and kept here as the copy is written; the writes themselves (`flush`) are async and
 * run one after another per network, so an older text never lands after a newer one.
 */
export class PlanSectionsMirror {
  readonly #store: PlanStore;
  readonly #now: () => Date;
  readonly #log: Logger;
  /** What the table holds, per network, once read. */
  readonly #known = new Map<string, Map<PlanSectionId, string>>();
  readonly #pending = new Map<string, Map<PlanSectionId, Pending>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** The last flush queued per network; the next one waits for it. */
  readonly #flushing = new Map<string, Promise<PlanSectionId[]>>();

  constructor(store: PlanStore, log: Logger, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#log = log;
    this.#now = now;
  }

  /** Reads the network's sections from the table, once: before its document loads. */
  async load(networkId: string): Promise<void> {
    if (this.#known.has(networkId)) return;
    const sections = await this.#store.sections(networkId);
    // Another load may have finished meanwhile; the first read stays, as later writes update it.
    if (!this.#known.has(networkId)) {
      this.#known.set(networkId, new Map(sections.map((s) => [s.section, s.text])));
    }
  }

  /** The sections as the table holds them (after `load`): what a network's document starts from. */
  storedTexts(networkId: string): Map<PlanSectionId, string> {
    const known = this.#known.get(networkId);
    if (!known) throw new Error(`the plan of ${networkId} was not loaded: its room's prepare loads it`);
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
      this.flush(networkId).catch((err: unknown) => {
        this.#log.error('could not copy the work plan to its table', { network: networkId, err });
      });
    }, PLAN_MIRROR_QUIET_MS);
    timer.unref();
    this.#timers.set(networkId, timer);
  }

  /**
   * Writes what waits, after the flushes queued before: before anything reads the table (a
   * request, an export), and when the room closes. Resolves with the sections written.
   */
  flush(networkId: string): Promise<PlanSectionId[]> {
    const timer = this.#timers.get(networkId);
    if (timer) clearTimeout(timer);
    this.#timers.delete(networkId);
    const previous = this.#flushing.get(networkId);
    const run = (previous ?? Promise.resolve([])).catch(() => []).then(() => this.#write(networkId));
    this.#flushing.set(networkId, run);
    const settled = () => {
      if (this.#flushing.get(networkId) === run) this.#flushing.delete(networkId);
    };
    run.then(settled, settled);
    return run;
  }

  async #write(networkId: string): Promise<PlanSectionId[]> {
    const pending = this.#pending.get(networkId);
    this.#pending.delete(networkId);
    if (!pending || pending.size === 0) return [];
    const at = this.#now().toISOString();
    let written: PlanSectionId[];
    try {
      written = await this.#store.transaction(async (store) => {
        const stored = new Map((await store.sections(networkId)).map((s) => [s.section, s]));
        const changed: PlanSectionId[] = [];
        for (const [section, { text, author }] of pending) {
          const current = stored.get(section);
          // Already there (written by another process's copy of the room, or by an earlier
          // flush this one queued behind): a revision counts changes, not writes.
          if (current?.text === text) continue;
          const record: SectionRecord = {
            section,
            text,
            revision: (current?.revision ?? 0) + 1,
            updatedAt: at,
            updatedBy: author,
          };
          await store.putSection(networkId, record);
          changed.push(section);
        }
        return changed;
      });
    } catch (err) {
      // Not written: what waited waits again, unless a newer edit of the section took its place.
      const waiting = this.#pending.get(networkId) ?? new Map<PlanSectionId, Pending>();
      for (const [section, entry] of pending) if (!waiting.has(section)) waiting.set(section, entry);
      this.#pending.set(networkId, waiting);
      throw err;
    }
    const known = this.#known.get(networkId);
    if (known) for (const [section, { text }] of pending) known.set(section, text);
    return written;
  }

  /** Writes what waits in every network (the server is stopping; the rooms' close flushes first). */
  async close(): Promise<void> {
    const networks = new Set([...this.#timers.keys(), ...this.#pending.keys(), ...this.#flushing.keys()]);
    await Promise.all([...networks].map((networkId) => this.flush(networkId)));
  }
}
