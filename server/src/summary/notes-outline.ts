import {
  partitionAttendance,
  sharingDecisions,
  type SharingDecision,
  type SummaryBlock,
} from '@empiria/shared';
import { exportLabels } from './export-labels';
import { exportDateTime } from './export-time';
import type { MeetingNotes } from './meeting-notes';

/**
 * The layout every export follows, as data: title, the draft banner, the meeting record as label
 * and value rows, attendance, the note's own sections, then the approval record. Each exporter
 * renders this; none decides what goes in.
 */
export interface NotesOutline {
  title: string;
  subtitle: string;
  draftBanner: string | null;
  intro: string;
  recordRows: [label: string, value: string][];
  attendanceHeading: string;
  attendance: string[];
  /** Guest experts, listed apart from the cities ([G4]); an empty list prints no section. */
  guestsHeading: string;
  guests: string[];
  blocks: SummaryBlock[];
  approvalHeading: string;
  approvalRows: [label: string, value: string][];
}

/**
 * The document's own title is level 1 and its fixed sections (attendance, approval) level 2; the
 * note's sections (Wnioski, Decyzje…: level 1 in the note) stand beside those, and each heading
 * below them one level down.
 */
export function sectionLevel(noteHeadingLevel: 1 | 2 | 3): 2 | 3 | 4 {
  return (noteHeadingLevel + 1) as 2 | 3 | 4;
}

export function notesOutline(notes: MeetingNotes): NotesOutline {
  const l = exportLabels(notes.language);
  const r = notes.record;
  const dash = (value: string) => value.trim() || '—';
  const recordRows: [string, string][] = [
    [l.network, dash(r.network)],
    [l.meeting, dash(r.meetingTitle || notes.boardTitle)],
    [l.date, dash(r.date)],
    [l.mode, l.modes[r.mode]],
    [l.place, dash(r.place)],
    [l.facilitator, dash(r.facilitator)],
    [l.expert, dash(r.expert)],
    [l.format, notes.formatName],
  ];
  const attendee = (person: (typeof r.attendance)[number]) => {
    const where =
      person.where === 'room' ? `, ${l.inRoom}` : person.where === 'online' ? `, ${l.online}` : '';
    return `${person.name} (${person.city}${where})`;
  };
  const { members, guests } = partitionAttendance(r.attendance);
  const attendance = members.map(({ row }) => attendee(row));

  let approvalRows: [string, string][];
  if (notes.status.kind === 'approved') {
    const s = notes.status;
    const latest = new Map(s.decisions.map((d) => [d.personId, d]));
    const approvers = [...latest.values()].filter((d) => d.decision === 'approve');
    const objections = [...latest.values()].filter((d) => d.decision === 'object');
    // Who agreed and who objected to sharing, and what the group decided, by the one rule ([I6]).
    const who = new Map(s.decisions.map((d) => [d.personId, `${d.name} (${d.city})`]));
    const names = (ids: readonly string[]) => ids.map((id) => who.get(id) ?? id).join(', ');
    const sharingRow = (decision: SharingDecision): [string, string] => {
      const parts = [
        [l.sharingAgreed, decision.agreed],
        [l.sharingObjected, decision.objected],
        [l.sharingWaiting, decision.waiting],
      ] as const;
      const people = parts
        .filter(([, ids]) => ids.length > 0)
        .map(([label, ids]) => `${label}: ${names(ids)}`);
      return [l.sharing[decision.audience], [l.sharingState[decision.state], ...people].join('; ')];
    };
    const sharing = sharingDecisions({
      rule: s.rule,
      approved: true,
      decisions: s.decisions,
      consents: s.consents,
    });
    approvalRows = [
      [l.approvedOn, `${exportDateTime(s.approvedAt, notes.timeZone)} (${l.rule[s.rule]})`],
      [l.approvedBy, approvers.map((d) => `${d.name} (${d.city})`).join(', ') || l.none],
      [l.objections, objections.map((d) => `${d.name} (${d.city}): ${d.reason ?? ''}`).join('; ') || l.none],
      sharingRow(sharing.observers),
      sharingRow(sharing.public),
      [l.versionHash, s.hash],
    ];
  } else {
    approvalRows = [[l.approval, l.draftBanner]];
  }

  return {
    title: `${l.notesTitle}: ${r.meetingTitle || notes.boardTitle}`,
    subtitle: [r.network, r.date].filter(Boolean).join(' · '),
    draftBanner: notes.status.kind === 'draft' ? l.draftBanner : null,
    intro: notes.status.kind === 'approved' ? l.participantsWork : l.participantsWorkDraft,
    recordRows,
    attendanceHeading: `${l.attendance} (${members.length})`,
    attendance,
    guestsHeading: `${l.guests} (${guests.length})`,
    guests: guests.map(({ row }) => attendee(row)),
    blocks: notes.blocks,
    approvalHeading: l.approval,
    approvalRows,
  };
}
