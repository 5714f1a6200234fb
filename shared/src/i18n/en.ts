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

  'format.blank': 'Blank board',
};
