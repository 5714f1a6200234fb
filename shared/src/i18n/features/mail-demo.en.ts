import type { Message } from '../translate';
import type { mailDemoPl } from './mail-demo.pl';

export const mailDemoEn: Record<keyof typeof mailDemoPl, Message> = {
  'mail.invitation.subject': 'Invitation: {title}, {date}',
  'mail.invitation.greeting': 'Hello {name},',
  'mail.invitation.intro': 'You are invited to a meeting of the network “{network}”: {title}.',
  'mail.invitation.when': 'When: {date}, {start}–{end} (Warsaw time)',
  'mail.invitation.where': 'Where: {place}',
  'mail.invitation.online': "Where: online — you join the meeting's board from your page (link below)",
  'mail.invitation.hybrid': 'Mode: hybrid — in the room or online',
  'mail.invitation.agenda': 'Agenda:',
  'mail.invitation.link':
    "Your personal link: answer whether you are coming (in person, online, can't come), and on the day join the board without typing your details.",
  'mail.invitation.keep': 'The link is yours alone — please do not forward it.',
  'mail.invitation.calendar': 'The calendar file (.ics) for Outlook or any other calendar is attached.',
  'mail.invitation.signature': 'Empiria — experience-exchange networks',
  'mail.invitation.otherLanguage': 'Wersja polska powyżej',

  'mail.send.button': 'Send invitations by e-mail',
  'mail.send.sending': 'Sending invitations…',
  'mail.send.sent': { one: 'Sent {count} invitation.', other: 'Sent {count} invitations.' },
  'mail.send.alreadySent': {
    one: '{count} person already has this version of the invitation.',
    other: '{count} people already have this version of the invitation.',
  },
  'mail.send.outcome.sent': 'sent',
  'mail.send.outcome.no-email': 'no e-mail address — hand the link over another way',
  'mail.send.outcome.failed': 'not sent: {reason}',
  'mail.send.notConfigured':
    'Sending e-mail is not configured. Whoever runs the Empiria server sets SMTP_URL (e.g. smtp://user:password@server:587) and SMTP_FROM, then restarts Empiria. Until then, copy the personal links from the people list.',
  'mail.send.error': 'The invitations could not be sent: {message}',

  'demo.load.heading': 'Demo data',
  'demo.load.button': 'Load demo data',
  'demo.load.hint': 'Eight sample ZMP networks with cities, people and meetings — to see Empiria at work.',
  'demo.load.confirm':
    'Load the demo data? Eight ZMP networks will be created with member cities, people (addresses @example.pl), one past meeting with an approved note and one planned meeting each. The data stays in the database beside the real data.',
  'demo.load.loading': 'Loading the demo data…',
  'demo.load.done': {
    one: 'Demo data loaded: {count} network.',
    other: 'Demo data loaded: {count} networks.',
  },
  'demo.load.already': 'The demo data is already loaded.',
  'demo.load.error': 'The demo data could not be loaded: {message}',
};
