import type { Message } from '../translate';
import type { homePl } from './home.pl';

/** A person's home from their personal link, in English: the same keys as `home.pl.ts`. */
export const homeEn = {
  'home.eyebrow': 'Your page in Empiria',
  'home.greeting': 'Hello, {name}',
  'home.role.facilitator': 'network facilitator',
  'home.role.expert': 'network expert',
  'home.role.organiser': 'organiser',
  'home.role.representative': 'city representative',
  'home.role.substitute': 'substitute representative',
  'home.next.heading': 'Next meeting',
  'home.next.today': 'The meeting is today',
  'home.noNextMeeting': 'No next meeting has been planned yet.',
  'home.join': 'Go to the meeting board',
  'home.when': 'When',
  'home.mode': 'Mode',
  'home.where': 'Where',
  'home.answer.question': 'Will you come?',
  'home.answer.in-person': 'In the room',
  'home.answer.online': 'Online',
  'home.answer.cannot-come': 'I can’t come',
  'home.answer.saved': 'Your answer: {answer}. You can change it.',
  'home.answer.none': 'You have not answered yet.',
  'home.calendar': 'Add to calendar (.ics)',
  'home.agenda': 'Agenda',
  'home.past.heading': 'Past meetings',
  'home.past.note.html': 'Notes (web page)',
  'home.past.note.docx': 'Notes (Word)',
  'home.past.noNote': 'The notes are waiting for approval.',
  'home.noLink.title': 'Open your personal link',
  'home.noLink.body':
    'This browser has no working personal link. Open the link the network’s facilitator sent you; if it does not work, ask for a new one.',
  'home.error.linkEnded': 'Your personal link no longer works. Ask the network’s facilitator for a new one.',
  'home.error.notInvited': 'You are not invited to this meeting. Ask the facilitator for an invitation.',
  'home.error.noteNotReady': 'These notes are not available to you yet.',
} satisfies Record<keyof typeof homePl, Message>;
