import * as Y from 'yjs';
import {
  SUMMARY_APPROVAL,
  SUMMARY_BODY,
  SUMMARY_COMMENTS,
  SUMMARY_DRAFTS,
  SUMMARY_RECORD,
  draftStateSchema,
  meetingRecordSchema,
  plainValueProblem,
} from '@empiria/shared';
import type { SetAsideRecord } from '../storage/set-aside-store';
import { clearForeignRoots, rootRefusal, type DocumentRules, type RootAccess } from '../sync/document-rules';
import type { Insertion, UpdateInspection } from '../sync/update-inspection';

/** Comments and the approval round are the server's: written from checked HTTP requests ([D4]). */
const SUMMARY_ROOTS: RootAccess = {
  [SUMMARY_BODY]: 'clients',
  [SUMMARY_RECORD]: 'clients',
  [SUMMARY_DRAFTS]: 'clients',
  [SUMMARY_COMMENTS]: 'server',
  [SUMMARY_APPROVAL]: 'server',
};

/** The note editor's nodes (TipTap's starter kit and our headings) and marks. */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
]);
const MARKS = new Set(['bold', 'italic', 'strike', 'code', 'underline', 'link', 'highlight']);
const MAX_ATTRIBUTE_BYTES = 2048;
const MAX_DRAFT_BYTES = 256 * 1024;
const MAX_BODY_DEPTH = 48;
const RECORD_FIELDS = meetingRecordSchema.shape;

/**
 * The meeting notes' rules: the note's body holds only the editor's nodes, marks and attributes;
 * the meeting record's fields are valid by their schema; drafts are the drafting state's shape;
 * comments and approval are the server's. Only the facilitator and the expert write this document
 * at all ([P2]); these rules keep even them (or a stolen session of theirs) from storing what
 * readers and exports cannot read.
 */
export class SummaryDocumentRules implements DocumentRules {
  readonly #boardId: string;
  readonly #onSetAside: (records: SetAsideRecord[]) => void;

  constructor(options: { boardId: string; onSetAside: (records: SetAsideRecord[]) => void }) {
    this.#boardId = options.boardId;
    this.#onSetAside = options.onSetAside;
  }

  refusal(inspection: UpdateInspection): string | null {
    const roots = rootRefusal(inspection, SUMMARY_ROOTS);
    if (roots) return roots;
    for (const insertion of inspection.insertions) {
      const problem =
        insertion.place.root === SUMMARY_BODY ? bodyProblem(insertion) : mapEntryProblem(insertion);
      if (problem) return problem;
    }
    return null;
  }

  /** [D6] Blocks the editor cannot show would stop it from opening the note: they are set aside. */
  repair(doc: Y.Doc): void {
    const at = Date.now();
    const setAside: SetAsideRecord[] = clearForeignRoots(doc, SUMMARY_ROOTS).map((name) => ({
      boardId: this.#boardId,
      doc: 'summary',
      key: null,
      reason: `an unknown part of the document (${name})`,
      data: 'null',
      at,
    }));
    // An explicit stack, not recursion: a note stored before the depth rule may be deeply nested.
    const stack: (Y.XmlFragment | Y.XmlElement)[] = [doc.getXmlFragment(SUMMARY_BODY)];
    for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
      for (let index = parent.length - 1; index >= 0; index--) {
        const child = parent.get(index);
        if (!(child instanceof Y.XmlElement)) continue;
        if (BLOCKS.has(child.nodeName)) {
          stack.push(child);
          continue;
        }
        setAside.push({
          boardId: this.#boardId,
          doc: 'summary',
          key: null,
          reason: `an unknown block (${child.nodeName.slice(0, 40)})`,
          data: child.toString().slice(0, 64 * 1024),
          at,
        });
        parent.delete(index, 1);
      }
    }
    if (setAside.length > 0) this.#onSetAside(setAside);
  }
}

function bodyProblem({ place, content }: Insertion): string | null {
  if (content instanceof Y.ContentDeleted) return null;
  // Lists in quotes in lists: a few levels. Thousands would overflow every reader's stack.
  if (place.depth > MAX_BODY_DEPTH) return `the note nested deeper than ${MAX_BODY_DEPTH}`;
  const container = place.container;
  if (place.depth === 0 || container instanceof Y.XmlElement) {
    if (place.parentSub !== null) {
      if (place.depth === 0) return 'the note has no attributes of its own';
      if (place.parentSub.length > 40) return 'an attribute name that is too long';
      if (!(content instanceof Y.ContentAny)) return 'an attribute that is not a plain value';
      for (const value of content.getContent())
        if (plainValueProblem(value, { maxDepth: 4, maxBytes: MAX_ATTRIBUTE_BYTES }))
          return 'an attribute too large';
      return null;
    }
    if (!(content instanceof Y.ContentType)) return `note content of a kind the editor never writes`;
    const type = content.type;
    if (type instanceof Y.XmlElement)
      return BLOCKS.has(type.nodeName) ? null : `an unknown block (${type.nodeName.slice(0, 40)})`;
    if (type instanceof Y.XmlText) return place.depth === 0 ? 'text outside a block' : null;
    return 'note content of a kind the editor never writes';
  }
  if (container instanceof Y.XmlText) {
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) {
      if (!MARKS.has(content.key)) return `an unknown mark (${content.key.slice(0, 40)})`;
      if (plainValueProblem(content.value, { maxDepth: 4, maxBytes: MAX_ATTRIBUTE_BYTES }))
        return 'a mark too large';
      const href = (content.value as { href?: unknown } | null)?.href;
      if (href !== undefined && (typeof href !== 'string' || !/^(https?:|mailto:)/i.test(href)))
        return 'a link that is not a web or e-mail address';
      return null;
    }
    return 'text content of a kind the editor never writes';
  }
  return 'note content of a kind the editor never writes';
}

function mapEntryProblem({ place, content }: Insertion): string | null {
  const key = place.parentSub;
  if (place.depth !== 0 || key === null) return `${place.root} holds whole values under keys`;
  if (content instanceof Y.ContentDeleted) return null;
  if (!(content instanceof Y.ContentAny) || content.getLength() !== 1)
    return `${place.root}.${key} must hold one value`;
  const value: unknown = content.getContent()[0];
  if (place.root === SUMMARY_RECORD) {
    if (!Object.hasOwn(RECORD_FIELDS, key)) return `no meeting record field ${key.slice(0, 40)}`;
    const parsed = RECORD_FIELDS[key as keyof typeof RECORD_FIELDS].safeParse(value);
    return parsed.success ? null : `invalid meeting record field ${key}`;
  }
  if (key.length > 200) return 'a section id that is too long';
  const problem = plainValueProblem(value, { maxDepth: 32, maxBytes: MAX_DRAFT_BYTES });
  if (problem) return problem;
  return draftStateSchema.safeParse(value).success ? null : 'a draft state of the wrong shape';
}
