import {
  approvalStateSchema,
  commentSchema,
  runsText,
  sharingDecisions,
  summaryBlockSchema,
  tookPartInApproval,
  type ApprovalState,
  type SharingAudience,
  type SharingDecision,
  type Decision,
  type SummaryBlock,
  type SummaryComment,
} from '@empiria/shared';

/**
 * What the summary screen shows, computed from the summary document's plain values: the note's
 * sections, comments grouped by section, the approval round's tally and the note's status. Pure:
 * no Yjs, no React.
 */

export interface SectionRef {
  sectionId: string;
  title: string;
}

/** The drafted sections of the note, in order: headings that carry a `sectionId`. */
export function noteSections(blocks: readonly SummaryBlock[]): SectionRef[] {
  const seen = new Set<string>();
  const sections: SectionRef[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading' || !block.sectionId || seen.has(block.sectionId)) continue;
    seen.add(block.sectionId);
    sections.push({ sectionId: block.sectionId, title: runsText(block.runs).trim() });
  }
  return sections;
}

/** The comments array as stored; entries that do not match the contract are skipped. */
export function readComments(values: readonly unknown[]): SummaryComment[] {
  return values.flatMap((value) => {
    const parsed = commentSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface CommentGroup {
  /** null: about the whole note. */
  sectionId: string | null;
  /** The section's heading now; null for the whole note or a section no longer in the note. */
  title: string | null;
  comments: SummaryComment[];
}

/**
 * Comments grouped by the section they are about, in the note's order: the whole note first, then
 * each section, then sections that are no longer in the note. Oldest first within a group.
 */
export function groupComments(
  comments: readonly SummaryComment[],
  sections: readonly SectionRef[],
): CommentGroup[] {
  const bySection = new Map<string | null, SummaryComment[]>();
  for (const comment of [...comments].sort((a, b) => a.at - b.at)) {
    const list = bySection.get(comment.sectionId) ?? [];
    list.push(comment);
    bySection.set(comment.sectionId, list);
  }
  const groups: CommentGroup[] = [];
  const whole = bySection.get(null);
  if (whole) groups.push({ sectionId: null, title: null, comments: whole });
  for (const section of sections) {
    const list = bySection.get(section.sectionId);
    if (list) groups.push({ sectionId: section.sectionId, title: section.title, comments: list });
  }
  const known = new Set(sections.map((s) => s.sectionId));
  for (const [sectionId, list] of bySection) {
    if (sectionId !== null && !known.has(sectionId)) groups.push({ sectionId, title: null, comments: list });
  }
  return groups;
}

/** The approval round as stored in the summary document, or null when there is none (or it is broken). */
export function readApproval(value: unknown): ApprovalState | null {
  const parsed = approvalStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface ApprovalTally {
  /** People asked to decide (present when the round opened), plus anyone who decided anyway. */
  eligibleCount: number;
  approvals: Decision[];
  objections: Decision[];
  /** Asked, no decision yet. */
  undecided: { personId: string; name: string; city: string }[];
  /** This person's latest decision. */
  mine: Decision | null;
  /** This person was asked. */
  asked: boolean;
  consent: {
    /** This person took part in the approval, so answers about sharing ([I6]). */
    mayAnswer: boolean;
    /** This person's latest answer about sharing. */
    mine: { observers: boolean; public: boolean } | null;
  };
}

/** Who decided what, each person's latest decision counting ([A4]). */
export function approvalTally(state: ApprovalState, myId: string | null): ApprovalTally {
  const latest = new Map<string, Decision>();
  for (const decision of [...state.decisions].sort((a, b) => a.at - b.at))
    latest.set(decision.personId, decision);
  const decided = [...latest.values()];
  const ids = new Set([...state.eligible.map((e) => e.personId), ...latest.keys()]);
  const consents = new Map(state.consents.map((c) => [c.personId, c]));
  const myConsent = myId ? consents.get(myId) : undefined;
  return {
    eligibleCount: ids.size,
    approvals: decided.filter((d) => d.decision === 'approve'),
    objections: decided.filter((d) => d.decision === 'object'),
    undecided: state.eligible.filter((e) => !latest.has(e.personId)),
    mine: (myId && latest.get(myId)) || null,
    asked: myId !== null && state.eligible.some((e) => e.personId === myId),
    consent: {
      mayAnswer: myId !== null && tookPartInApproval(state.decisions, myId),
      mine: myConsent ? { observers: myConsent.observers, public: myConsent.public } : null,
    },
  };
}

/**
 * Where the note stands:
 * - `draft`: no round yet (or the last one did not approve the current text and is closed);
 * - `voting`: a round is open on the current text; `voting-changed`: on a text edited since;
 * - `approved`: the current text is the approved one; `changed-after-approval`: edited since,
 *   so it is a new draft that needs its own round;
 * - `not-approved`: the last round ended without approval.
 */
export type NoteStatus =
  'draft' | 'voting' | 'voting-changed' | 'approved' | 'changed-after-approval' | 'not-approved';

export function noteStatus(approval: ApprovalState | null, currentHash: string | null): NoteStatus {
  if (!approval) return 'draft';
  const same = currentHash === null || currentHash === approval.hash;
  switch (approval.status) {
    case 'open':
      return same ? 'voting' : 'voting-changed';
    case 'approved':
      return same ? 'approved' : 'changed-after-approval';
    case 'not-approved':
      return same ? 'not-approved' : 'draft';
  }
}

/**
 * The group's two decisions about sharing the round's version, by the one rule the server applies
 * too (`sharingDecisions`, [P6], [I6]): nothing is shared before the version is approved.
 */
export function groupSharing(state: ApprovalState): Record<SharingAudience, SharingDecision> {
  return sharingDecisions({
    rule: state.rule,
    approved: state.status === 'approved',
    decisions: state.decisions,
    consents: state.consents,
  });
}

export interface PendingDraft {
  sectionId: string;
  blocks: SummaryBlock[];
}

/**
 * Sections a person edited and the board has changed since: what drafting would write now
 * (`drafts.<id>.pending`), to offer beside the edited text.
 */
export function pendingDrafts(drafts: Record<string, unknown>): PendingDraft[] {
  return Object.entries(drafts).flatMap(([sectionId, value]) => {
    const pending = (value as { pending?: unknown } | null)?.pending;
    if (!Array.isArray(pending)) return [];
    const blocks = pending.flatMap((block) => {
      const parsed = summaryBlockSchema.safeParse(block);
      return parsed.success ? [parsed.data] : [];
    });
    return blocks.length > 0 ? [{ sectionId, blocks }] : [];
  });
}

/** `attachment; filename="x.md"` → `x.md`; the fallback when the header says nothing usable. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return safeName(decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')), fallback);
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return safeName((plain?.[1] ?? plain?.[2] ?? '').trim(), fallback);
}

function safeName(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base && base !== '.' && base !== '..' ? base : fallback;
}
