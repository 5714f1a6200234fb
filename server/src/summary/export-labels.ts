import type { Language, MeetingMode, SharingAudience, SharingState } from '@empiria/shared';

/** The words of the exported documents, in the board's language (Polish first). */
export interface ExportLabels {
  notesTitle: string;
  draftBanner: string;
  participantsWork: string;
  participantsWorkDraft: string;
  network: string;
  meeting: string;
  date: string;
  mode: string;
  modes: Record<MeetingMode, string>;
  place: string;
  facilitator: string;
  expert: string;
  format: string;
  attendance: string;
  /** The guest experts, apart from the cities' attendance ([G4]). */
  guests: string;
  inRoom: string;
  online: string;
  approval: string;
  approvedOn: string;
  rule: { consent: string; majority: string };
  approvedBy: string;
  objections: string;
  none: string;
  /** The group's two decisions about sharing (docs/summary.md, [S1]–[S5]). */
  sharing: Record<SharingAudience, string>;
  sharingState: Record<SharingState, string>;
  sharingAgreed: string;
  sharingObjected: string;
  sharingWaiting: string;
  versionHash: string;
}

const pl: ExportLabels = {
  notesTitle: 'Notatka ze spotkania',
  draftBanner: 'WERSJA ROBOCZA – NIEZATWIERDZONA',
  participantsWork:
    'Notatka zawiera wnioski wypracowane przez uczestników i uczestniczki spotkania, zatwierdzone przez grupę.',
  participantsWorkDraft:
    'Wersja robocza wniosków wypracowanych przez uczestników i uczestniczki spotkania — do uzgodnienia i zatwierdzenia przez grupę.',
  network: 'Sieć',
  meeting: 'Spotkanie',
  date: 'Data',
  mode: 'Forma',
  modes: { 'in-person': 'stacjonarne', online: 'on-line', hybrid: 'hybrydowe' },
  place: 'Miejsce',
  facilitator: 'Koordynator-facylitator',
  expert: 'Ekspert-moderator',
  format: 'Format pracy',
  attendance: 'Lista obecności',
  guests: 'Goście – eksperci zewnętrzni',
  inRoom: 'na sali',
  online: 'on-line',
  approval: 'Zatwierdzenie',
  approvedOn: 'Zatwierdzono',
  rule: { consent: 'zasada zgody (brak sprzeciwu)', majority: 'większość głosów' },
  approvedBy: 'Zatwierdzili',
  objections: 'Sprzeciwy',
  none: 'brak',
  sharing: { observers: 'Udostępnienie obserwatorom sieci', public: 'Publikacja' },
  sharingState: {
    shared: 'tak – decyzja grupy',
    refused: 'nie – decyzja grupy',
    undecided: 'nie – grupa jeszcze nie zdecydowała',
  },
  sharingAgreed: 'zgoda',
  sharingObjected: 'sprzeciw',
  sharingWaiting: 'bez odpowiedzi',
  versionHash: 'Skrót zatwierdzonej wersji (SHA-256)',
};

const en: ExportLabels = {
  notesTitle: 'Meeting notes',
  draftBanner: 'DRAFT – NOT APPROVED',
  participantsWork:
    "These notes record the conclusions the meeting's participants worked out, approved by the group.",
  participantsWorkDraft:
    "A draft of the conclusions the meeting's participants worked out — for the group to agree on and approve.",
  network: 'Network',
  meeting: 'Meeting',
  date: 'Date',
  mode: 'Mode',
  modes: { 'in-person': 'in person', online: 'online', hybrid: 'hybrid' },
  place: 'Place',
  facilitator: 'Facilitator',
  expert: 'Expert-moderator',
  format: 'Format',
  attendance: 'Attendance',
  guests: 'Guest experts',
  inRoom: 'in the room',
  online: 'online',
  approval: 'Approval',
  approvedOn: 'Approved on',
  rule: { consent: 'consent (no objection)', majority: 'majority' },
  approvedBy: 'Approved by',
  objections: 'Objections',
  none: 'none',
  sharing: { observers: "Shared with the network's observers", public: 'Publication' },
  sharingState: {
    shared: "yes – the group's decision",
    refused: "no – the group's decision",
    undecided: 'no – the group has not decided yet',
  },
  sharingAgreed: 'agreed',
  sharingObjected: 'objected',
  sharingWaiting: 'no answer yet',
  versionHash: 'Hash of the approved version (SHA-256)',
};

export function exportLabels(language: Language): ExportLabels {
  return language === 'en' ? en : pl;
}
