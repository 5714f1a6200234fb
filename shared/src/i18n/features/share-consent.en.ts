import type { Message } from '../translate';
import type { shareConsentPl } from './share-consent.pl';

export const shareConsentEn: Record<keyof typeof shareConsentPl, Message> = {
  'shareConsent.heading': 'Consent to share',
  'shareConsent.intro':
    "The group decides separately whether the network's observers may read the notes and whether they may be published. Those who took part in the approval answer.",
  'shareConsent.rule.consent':
    'Consent: everyone who approved the notes ({count}) has to say yes, and nobody may say no.',
  'shareConsent.rule.majority': 'Majority: needs a yes from at least {count} of {voters} people.',
  'shareConsent.afterApproval': 'The decision takes effect once the notes are approved.',
  'shareConsent.audience.observers': "For the network's observers",
  'shareConsent.audience.public': "Publication (e.g. on the network's website)",
  'shareConsent.state.shared.observers': "Shared with observers — the group's decision",
  'shareConsent.state.shared.public': "May be published — the group's decision",
  'shareConsent.state.refused.observers': 'Not shared — the group did not agree',
  'shareConsent.state.refused.public': 'Not to be published — the group did not agree',
  'shareConsent.state.undecided.observers': 'Not shared — the group has not decided yet',
  'shareConsent.state.undecided.public': 'Not to be published yet — the group has not decided yet',
  'shareConsent.count': 'Yes: {agreed} · No: {objected} · No answer: {waiting}',
  'shareConsent.person.agreed': '{name} ({city}) — yes',
  'shareConsent.person.objected': '{name} ({city}) — no',
  'shareConsent.person.waiting': '{name} ({city}) — has not answered yet',
  'shareConsent.mine.heading': 'Your answer',
  'shareConsent.mine.observers': "May the network's observers read these notes?",
  'shareConsent.mine.public': "May the notes be published, e.g. on the network's website?",
  'shareConsent.yes': 'Yes',
  'shareConsent.no': 'No',
  'shareConsent.save': 'Save my answer',
  'shareConsent.update': 'Change my answer',
  'shareConsent.chooseBoth': 'Answer both questions.',
  'shareConsent.decideFirst':
    'Give your decision on the notes first: those who took part in the approval decide about sharing.',
  'shareConsent.notInApproval':
    'You did not take part in the approval of this version, so you do not decide about sharing it.',
};
