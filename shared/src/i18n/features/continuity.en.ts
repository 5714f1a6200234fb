import type { Message } from '../translate';
import type { continuityPl } from './continuity.pl';

export const continuityEn: Record<keyof typeof continuityPl, Message> = {
  'continuity.jump': 'What earlier meetings agreed',
  'continuity.heading': "From the network's earlier meetings",
  'continuity.lastTime': 'Last time: {title}, {date}',
  'continuity.nextSteps': 'What we agreed to do next',
  'continuity.noNextSteps': 'The note recorded no next steps.',
  'continuity.wholeNote': 'The whole approved note',
  'continuity.contract': "The network's contract",
  'continuity.contractFrom': 'Agreed at “{title}” ({date}).',
  'continuity.topics': "The network's topics",
  'continuity.approvedOnly': 'Only what the group approved in its notes.',
  'continuity.cases': 'Cases from earlier meetings',
  'continuity.casesHint':
    "Case cards from the network's approved notes. You can insert a case on a free card and update it.",
  'continuity.caseNoCity': 'City not given',
  'continuity.caseFrom': 'From the meeting “{title}” ({date}).',
  'continuity.insertCase': 'Insert on a free card',
  'continuity.insertCaseLabel': 'Insert the case: {city} on a free card',
  'continuity.caseInserted': 'Inserted on the card “{card}”. Ctrl+Z undoes it.',
  'continuity.noFreeCard':
    'No free card: every card already holds something. Clear one card or copy the case by hand.',
  'continuity.casesLocked': 'The sheet is locked: you can insert a case once the facilitator unlocks it.',
};
