import type { Message } from '../translate';
import type { streamPl } from './stream.pl';

export const streamEn: Record<keyof typeof streamPl, Message> = {
  'stream.title': 'Stream for observer cities',
  'stream.badge': 'Stream',
  'stream.closed.title': 'A closed part of the meeting is in progress',
  'stream.closed.body':
    "Only the network's permanent city representatives work in this part. The stream comes back in the next open part.",
  'stream.closed.next': 'Next open part: {title}',
  'stream.closed.noneLeft': 'No open parts are left before the end of the meeting.',
  'stream.notStarted.title': 'The meeting has not started yet',
  'stream.notStarted.body': 'The stream starts with the first open part.',
  'stream.agenda': 'Agenda',
  'stream.open': 'open',
  'stream.closedPart': 'closed',
  'stream.now': 'now',
  'stream.noteAfterConsent':
    'You will see the meeting notes once the group has approved them and agreed to share them with observers.',
  'stream.access.label': 'For observers',
  'stream.access.open': 'Open to observers',
  'stream.access.closed': 'Closed to observers',
  'stream.access.toggleOpen': 'Open this part to observers',
  'stream.access.toggleClose': 'Close this part to observers',
  'stream.access.now.open': 'Observers see this sheet now',
  'stream.access.now.closed': 'Observers do not see this part',
};
