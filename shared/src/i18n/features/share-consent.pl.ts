import type { Message } from '../translate';

/**
 * The group's consent to share an approved note (docs/summary.md, "Consent to share"): each person
 * who took part in the approval answers, the group decides by the approval's rule. Polish first;
 * `share-consent.en.ts` has the same keys.
 */
export const shareConsentPl = {
  'shareConsent.heading': 'Zgoda na udostępnienie',
  'shareConsent.intro':
    'Grupa decyduje osobno, czy notatkę zobaczą obserwatorzy sieci i czy można ją opublikować. Odpowiadają osoby, które brały udział w zatwierdzaniu.',
  'shareConsent.rule.consent':
    'Zasada zgody: „tak” muszą powiedzieć wszystkie osoby, które zatwierdziły notatkę ({count}), i nikt nie może powiedzieć „nie”.',
  'shareConsent.rule.majority': 'Większość głosów: potrzebne „tak” co najmniej {count} z {voters} osób.',
  'shareConsent.afterApproval': 'Decyzja zacznie obowiązywać, gdy notatka zostanie zatwierdzona.',
  'shareConsent.audience.observers': 'Dla obserwatorów sieci',
  'shareConsent.audience.public': 'Publikacja (np. na stronie sieci)',
  'shareConsent.state.shared.observers': 'Udostępniona obserwatorom — decyzja grupy',
  'shareConsent.state.shared.public': 'Można opublikować — decyzja grupy',
  'shareConsent.state.refused.observers': 'Nie jest udostępniona — grupa się nie zgodziła',
  'shareConsent.state.refused.public': 'Nie do publikacji — grupa się nie zgodziła',
  'shareConsent.state.undecided.observers': 'Nie jest udostępniona — grupa jeszcze nie zdecydowała',
  'shareConsent.state.undecided.public': 'Jeszcze nie do publikacji — grupa jeszcze nie zdecydowała',
  'shareConsent.count': 'Tak: {agreed} · Nie: {objected} · Bez odpowiedzi: {waiting}',
  'shareConsent.person.agreed': '{name} ({city}) — tak',
  'shareConsent.person.objected': '{name} ({city}) — nie',
  'shareConsent.person.waiting': '{name} ({city}) — jeszcze nie odpowiedział(a)',
  'shareConsent.mine.heading': 'Twoja odpowiedź',
  'shareConsent.mine.observers': 'Czy obserwatorzy sieci mogą przeczytać tę notatkę?',
  'shareConsent.mine.public': 'Czy notatkę można opublikować, np. na stronie sieci?',
  'shareConsent.yes': 'Tak',
  'shareConsent.no': 'Nie',
  'shareConsent.save': 'Zapisz moją odpowiedź',
  'shareConsent.update': 'Zmień moją odpowiedź',
  'shareConsent.chooseBoth': 'Odpowiedz na oba pytania.',
  'shareConsent.decideFirst':
    'Najpierw zdecyduj o notatce: o udostępnieniu decydują osoby, które brały udział w zatwierdzaniu.',
  'shareConsent.notInApproval':
    'Nie brałeś(-aś) udziału w zatwierdzaniu tej wersji, więc nie decydujesz o jej udostępnieniu.',
} satisfies Record<string, Message>;
