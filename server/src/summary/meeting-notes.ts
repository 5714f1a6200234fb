import type {
  ApprovalRule,
  Decision,
  Language,
  MeetingRecord,
  ShareConsent,
  SummaryBlock,
} from '@empiria/shared';

/**
 * Everything an export of the meeting notes shows, in one plain value: the exporters (Markdown,
 * Word, print page) only lay it out, so all three say exactly the same thing.
 */
export interface MeetingNotes {
  boardTitle: string;
  formatName: string;
  language: Language;
  /** The IANA zone every time in the export is shown in (the meeting's wall clock). */
  timeZone: string;
  record: MeetingRecord;
  blocks: SummaryBlock[];
  status: DraftStatus | ApprovedStatus;
}

export interface DraftStatus {
  kind: 'draft';
}

export interface ApprovedStatus {
  kind: 'approved';
  versionId: string;
  hash: string;
  rule: ApprovalRule;
  approvedAt: number;
  decisions: Decision[];
  consents: ShareConsent[];
}
