import type { Message } from './translate';
import type { MessageKey } from './pl';

export const en: Record<MessageKey, Message> = {
  'app.name': 'Empiria',
  'app.tagline': 'A whiteboard for the workshops of experience-exchange networks',

  'language.label': 'Language',
  'language.pl': 'Polski',
  'language.en': 'English',

  'role.facilitator': 'Facilitator',
  'role.expert': 'Expert-moderator',
  'role.organiser': 'Organiser',
  'role.participant': 'Participant',
  'role.observer': 'Observer',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.error.network': 'Cannot reach the server. Check the network and try again.',
  'common.error.generic': 'Something went wrong. Please try again.',

  'admin.heading': 'Boards',
  'admin.subheading': 'Create boards for network meetings and hand out an invite link for each role.',
  'admin.noToken.title': 'You need the admin link',
  'admin.noToken.body':
    'This page is for creating boards. Open it with the admin link the Empiria server prints when it first starts (it contains “?admin=…”).',
  'admin.noToken.hint':
    'Whoever installed Empiria finds the token in the “admin-token” file in the server’s data directory.',
  'admin.noToken.participant': 'Have a board link? Open it directly — you do not need this page.',
  'admin.badToken': 'The server did not accept the admin token. Open the current admin link again.',
  'admin.signOut': 'Forget the token on this device',
  'admin.create.heading': 'New board',
  'admin.create.titleLabel': 'Board title',
  'admin.create.titlePlaceholder': 'e.g. “Green cities” network — meeting 3',
  'admin.create.formatLabel': 'Format',
  'admin.create.submit': 'Create board',
  'admin.create.submitting': 'Creating…',
  'admin.list.empty': 'No boards yet. Create the first one above.',
  'admin.list.count': { one: '{count} board', other: '{count} boards' },
  'admin.board.created': 'Created {date}',
  'admin.board.open': 'Open as facilitator',
  'admin.invites.heading': 'Invite links',
  'admin.invite.copy': 'Copy link',
  'admin.invite.copied': 'Copied',
  'admin.invite.copyFailed': 'Could not copy — select the link and copy it by hand.',
  'admin.invite.revoke': 'New link (revokes the old)',
  'admin.invite.revokeQuestion':
    'Make a new link for the role “{role}”? The old link will stop working, and everyone who joined through it will be disconnected and need the new link.',
  'admin.invite.revokeConfirm': 'Yes, make a new link',
  'admin.invite.revoked': 'The new link is ready. The old one no longer works.',

  'join.heading': 'Join the board',
  'join.role': 'Your role: {role}',
  'join.nameLabel': 'Full name',
  'join.namePlaceholder': 'e.g. Anna Kowalska',
  'join.cityLabel': 'City',
  'join.cityPlaceholder': 'e.g. Lublin',
  'join.remember': 'We will remember your name and city on this device.',
  'join.submit': 'Enter the board',
  'join.submitting': 'Entering…',
  'join.observerNote': 'As an observer you can see the board but not change it.',
  'join.sessionEnded':
    'Your session on this board has expired or the link was changed. Enter your details to join again.',
  'join.invalidLink.title': 'This link does not work',
  'join.invalidLink.body':
    'The link may have been replaced by a new one, or it is incomplete. Ask the person running the meeting for the current link.',
  'join.notFound.title': 'There is no such board',
  'join.notFound.body':
    'Check that the link is complete, or ask the person running the meeting for a new one.',

  'board.loading': 'Loading the board…',
  'board.firstPage': 'Page 1',
  'board.you': 'You',
  'board.readOnly': 'View only',
  'board.people.heading': 'Here now',
  'board.people.count': { one: '{count} person', other: '{count} people' },
  'board.people.show': 'Show who is here',
  'board.people.hide': 'Hide who is here',
  'board.brokenRecords': {
    one: 'Skipped {count} damaged item on the board. Everything else works normally.',
    other: 'Skipped {count} damaged items on the board. Everything else works normally.',
  },
  'board.maxShapes':
    'This page already holds {count} items — new ones were not added. Remove items you no longer need or move to a new page.',
  'board.newerVersion':
    'Part of this board was saved by a newer version of Empiria. Reload the page to see everything.',
  'board.reload': 'Reload the page',
  'board.dismiss': 'Dismiss',
  'board.revoked': 'The link you joined with has been revoked. Ask for a new link.',

  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline',
  'status.allSent': 'all saved',
  'status.pending': {
    one: '{count} change waiting to be sent',
    other: '{count} changes waiting to be sent',
  },
  'status.savedLocally': 'Your changes are kept on this device and will be sent when the connection returns.',
};
