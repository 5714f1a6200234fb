import type { Message } from '../translate';
import type { guestPl } from './guest.pl';

export const guestEn: Record<keyof typeof guestPl, Message> = {
  'guest.joinNote':
    "As a guest expert you add notes and comment on the meeting's note. The facilitating pair leads the steps, the time and the vote; the cities' representatives approve the note.",
  'guest.institutionLabel': 'Institution',
  'guest.institutionPlaceholder': 'e.g. BGK, NFOŚiGW, Ministry of Development',
  'guest.voteBanner': 'The cities vote: as a guest you do not place dots.',
  'guest.peopleHeading': 'Guest experts',
  'guest.recordHeading': 'Guest experts',
  'guest.noApproval': "The cities' representatives approve the note; as a guest you can comment on it.",
  'guest.invite.heading': 'Invite a guest expert',
  'guest.invite.hint':
    'A link for someone from outside invited to this meeting (e.g. a ministry, BGK, NFOŚiGW). A guest adds notes and comments on the note, but does not vote or approve the note.',
  'guest.invite.show': 'Show the guest link',
  'guest.invite.failed': 'Could not load the link. Try again.',
} as const;
