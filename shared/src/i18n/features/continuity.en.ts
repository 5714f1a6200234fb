import type { Message } from '../translate';
import type { continuityPl } from './continuity.pl';

export const continuityEn: Record<keyof typeof continuityPl, Message> = {
  'continuity.heading': "From the network's earlier meetings",
  'continuity.lastTime': 'Last time: {title}, {date}',
  'continuity.nextSteps': 'What we agreed to do next',
  'continuity.noNextSteps': 'The note recorded no next steps.',
  'continuity.wholeNote': 'The whole approved note',
  'continuity.contract': "The network's contract",
  'continuity.contractFrom': 'Agreed at “{title}” ({date}).',
  'continuity.topics': "The network's topics",
  'continuity.approvedOnly': 'Only what the group approved in its notes.',
};
