import type { Message } from '../translate';
import type { publicationPl } from './publication.pl';

export const publicationEn: Record<keyof typeof publicationPl, Message> = {
  'publication.heading': 'Public page',
  'publication.lead':
    'The network’s page without login: the network’s name, its member cities and the notes whose group agreed to publish them. Withdrawing consent takes a note down at once.',
  'publication.open': 'Open the public page',
  'publication.close': 'Close the public page',
  'publication.stateOpen': 'The public page has been open since {date}.',
  'publication.stateClosed': 'The public page is closed: nobody sees anything at its address.',
  'publication.link': 'See the public page',
  'publication.feed': 'Atom feed',
  'publication.published': {
    one: 'The groups agreed to publish {count} note.',
    other: 'The groups agreed to publish {count} notes.',
  },
  'publication.noneYet':
    'No group has agreed to publish yet: the page will show only the network’s name and cities.',
  'publication.saving': 'Saving…',

  'publication.page.eyebrow': 'Experience Exchange Network',
  'publication.page.cities': 'Member cities',
  'publication.page.observer': 'observer city',
  'publication.page.notes': 'Published meeting notes',
  'publication.page.noNotes': 'There are no published notes here for now.',
  'publication.page.approved': 'approved {date}',
  'publication.page.products': 'Results',
  'publication.page.product.scheme': 'Scheme of action',
  'publication.page.product.recommendation': 'Recommendations',
  'publication.page.product.model': 'Model practice',
  'publication.page.from': 'from the meeting “{meeting}”',
  'publication.page.feed': 'Atom feed of new notes',
  'publication.page.print': 'Printable: use your browser’s “Print”.',
  'publication.page.consent': 'Each note is here because the group that approved it agreed to publish it.',
  'publication.page.other': 'Polski',
  'publication.page.back': '← Network page',
  'publication.feed.title': '{network} — published notes',
};
