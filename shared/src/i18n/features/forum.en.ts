import type { Message } from '../translate';
import type { forumPl } from './forum.pl';

export const forumEn: Record<keyof typeof forumPl, Message> = {
  'forum.eyebrow': 'Network forum',
  'forum.lead':
    'Materials, questions and answers, the cities’ observations and needs — among this network, nobody from outside.',
  'forum.backToNetwork': '← Network page',
  'forum.backToHome': '← My page',
  'forum.backToForum': '← All threads',
  'forum.officeReads':
    'The ZMP office reads every network’s forum; posts are written by the network’s people through their personal links.',

  'forum.kind.material': 'Materials',
  'forum.kind.question': 'Question',
  'forum.kind.need': 'Observation / need',
  'forum.kindHint.material': 'A document, a presentation, a link to a good practice.',
  'forum.kindHint.question': 'A question to the network; answers appear below it.',
  'forum.kindHint.need':
    'An observation or a need of your city. The network’s moderators can put it on a meeting’s agenda.',
  'forum.filter.label': 'Show',
  'forum.filter.all': 'All threads',

  'forum.new.open': 'New thread',
  'forum.new.heading': 'New thread',
  'forum.new.kind': 'Kind',
  'forum.new.title': 'Title',
  'forum.new.body': 'Text',
  'forum.new.bodyHint': 'Plain text; web addresses (https://…) become links.',
  'forum.new.submit': 'Publish',
  'forum.new.cancel': 'Cancel',
  'forum.chars': '{count} / {max} characters',

  'forum.threads.empty': 'No threads yet. Start the first one.',
  'forum.threads.emptyKind': 'No threads of this kind.',
  'forum.thread.posts': { one: '{count} post', other: '{count} posts' },
  'forum.thread.unread': { one: '{count} new', other: '{count} new' },
  'forum.thread.lastPost': 'last post {date}',
  'forum.thread.hidden': 'thread hidden',
  'forum.thread.notFound': 'There is no such thread (it may have been deleted or hidden).',

  'forum.author.observer': 'observer city',
  'forum.author.left': 'no longer in the network',
  'forum.post.edited': 'edited',
  'forum.post.hidden':
    'Hidden by a moderator: only the network’s moderators, the ZMP office and its author see it.',
  'forum.post.edit': 'Edit',
  'forum.post.delete': 'Delete',
  'forum.post.confirmDelete': 'Delete this post? This cannot be undone.',
  'forum.post.confirmDeleteThread':
    'This is the thread’s first post: deleting it deletes the whole thread. Delete?',
  'forum.post.save': 'Save',
  'forum.post.cancel': 'Cancel',
  'forum.post.hide': 'Hide post',
  'forum.post.show': 'Show post again',
  'forum.reply.label': 'Your answer',
  'forum.reply.submit': 'Answer',

  'forum.agenda.added': 'Added to the agenda of the meeting on {date}',
  'forum.agenda.open': 'See the meeting',
  'forum.agenda.heading': 'Put on a meeting’s agenda',
  'forum.agenda.hint':
    'The need goes to the end of the agenda as a “Free discussion” titled by the thread; reorder it on the network page.',
  'forum.agenda.meeting': 'Meeting',
  'forum.agenda.minutes': 'Time (minutes)',
  'forum.agenda.submit': 'Put on the agenda',
  'forum.agenda.none': 'No meeting is planned. Plan one on the network page.',

  'forum.home.link': 'Network forum',
  'forum.home.unread': { one: '{count} new post', other: '{count} new posts' },

  'forum.error.noToken':
    'The forum opens with a network member’s personal link or from the ZMP office’s page. Open your personal link again.',
  'forum.error.forbidden': 'This personal link belongs to another network: this forum is not open to it.',
  'forum.error.linkEnded': 'This personal link no longer works (it was replaced, or you left the network).',
  'forum.error.notFound': 'There is no such network.',
  'forum.error.invalid': 'Check the title and the text: a title up to 200 characters, a text up to 10,000.',
  'forum.error.boardInUse':
    'Someone has already entered this meeting’s board, so its agenda can no longer change.',
  'forum.error.alreadyOnAgenda': 'This need is on a meeting’s agenda already.',
  'forum.error.meetingHeld': 'This meeting has been held. Choose a planned one.',
  'forum.error.hasReplies': 'Others have answered in this thread: correct your post instead of deleting it.',
  'forum.error.rateLimited': 'Too many actions at once. Try again in a moment.',
  'forum.error.save': 'Could not save. Please try again.',
};
