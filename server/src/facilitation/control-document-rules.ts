import * as Y from 'yjs';
import { CLIENT_CONTROL_KEYS, CONTROL_MAP, controlValueProblem, plainValueProblem } from '@empiria/shared';
import { clearForeignRoots, rootRefusal, type DocumentRules, type RootAccess } from '../sync/document-rules';
import type { UpdateInspection } from '../sync/update-inspection';

const CONTROL_ROOTS: RootAccess = { [CONTROL_MAP]: 'clients' };

/** A control value is a step, a viewport, a list of locks: small. */
const MAX_CONTROL_VALUE_BYTES = 64 * 1024;

/**
 * The control document's rules ([D4]): the facilitator's and expert's clients write only their own
 * keys (step, follow, summon, locks, authors, step log), each a whole value valid by its schema;
 * the timer, votes, private writing, hands and the format are the server's alone. (Only those two
 * roles may write this document at all: [P2].)
 */
export class ControlDocumentRules implements DocumentRules {
  refusal(inspection: UpdateInspection): string | null {
    const roots = rootRefusal(inspection, CONTROL_ROOTS);
    if (roots) return roots;
    for (const { place, content } of inspection.insertions) {
      const key = place.parentSub;
      if (place.depth !== 0 || key === null) return 'control values are whole values under a key';
      if (!CLIENT_CONTROL_KEYS.has(key)) return `${key.slice(0, 40)} is written by the server only`;
      if (content instanceof Y.ContentDeleted) continue;
      if (!(content instanceof Y.ContentAny) || content.getLength() !== 1)
        return `${key} must hold one value`;
      const value: unknown = content.getContent()[0];
      const problem =
        plainValueProblem(value, { maxDepth: 8, maxBytes: MAX_CONTROL_VALUE_BYTES }) ??
        controlValueProblem(key, value);
      if (problem) return problem;
    }
    for (const { place } of inspection.deletions) {
      if (place.parentSub === null || !CLIENT_CONTROL_KEYS.has(place.parentSub))
        return 'deletes a value only the server writes';
    }
    return null;
  }

  /** Readers validate each key on their own; only parts the document must not have are emptied. */
  repair(doc: Y.Doc): void {
    clearForeignRoots(doc, CONTROL_ROOTS);
  }
}
