import type { Message } from '../translate';

/** E-mailed invitations and the demo data. Polish first; `mail-demo.en.ts` has the same keys. */
export const mailDemoPl = {
  // The invitation e-mail (server/src/mail/invitation-message.ts): Polish first, English below.
  'mail.invitation.subject': 'Zaproszenie: {title}, {date}',
  'mail.invitation.greeting': 'Dzień dobry, {name}!',
  'mail.invitation.intro': 'Zapraszamy na spotkanie sieci „{network}”: {title}.',
  'mail.invitation.when': 'Kiedy: {date}, {start}–{end} (czas warszawski)',
  'mail.invitation.where': 'Gdzie: {place}',
  'mail.invitation.online': 'Gdzie: on-line — na tablicę spotkania wejdziesz ze swojej strony (link poniżej)',
  'mail.invitation.hybrid': 'Forma: hybrydowa — na miejscu albo on-line',
  'mail.invitation.agenda': 'Program:',
  'mail.invitation.link':
    'Twój osobisty link: tu odpowiesz, czy będziesz (na miejscu, on-line, nie mogę), i w dniu spotkania wejdziesz na tablicę bez wpisywania danych.',
  'mail.invitation.keep': 'Link jest tylko dla Ciebie — nie przekazuj go dalej.',
  'mail.invitation.calendar': 'W załączniku plik kalendarza (.ics) do Outlooka lub innego kalendarza.',
  'mail.invitation.signature': 'Empiria — Sieci Wymiany Doświadczeń',
  'mail.invitation.otherLanguage': 'English version below',

  // Sending from the meeting screen (client/src/networks/SendInvitationsButton.tsx).
  'mail.send.button': 'Wyślij zaproszenia e-mailem',
  'mail.send.sending': 'Wysyłanie zaproszeń…',
  'mail.send.sent': {
    one: 'Wysłano {count} zaproszenie.',
    few: 'Wysłano {count} zaproszenia.',
    many: 'Wysłano {count} zaproszeń.',
    other: 'Wysłano {count} zaproszenia.',
  },
  'mail.send.alreadySent': {
    one: '{count} osoba dostała już tę wersję zaproszenia.',
    few: '{count} osoby dostały już tę wersję zaproszenia.',
    many: '{count} osób dostało już tę wersję zaproszenia.',
    other: '{count} osoby dostały już tę wersję zaproszenia.',
  },
  'mail.send.outcome.sent': 'wysłano',
  'mail.send.outcome.no-email': 'brak adresu e-mail — przekaż link inaczej',
  'mail.send.outcome.failed': 'nie wysłano: {reason}',
  'mail.send.notConfigured':
    'Wysyłanie e-maili nie jest skonfigurowane. Osoba, która uruchamia serwer Empirii, ustawia zmienną SMTP_URL (np. smtp://użytkownik:hasło@serwer:587) i SMTP_FROM, a potem uruchamia Empirię ponownie. Do tego czasu skopiuj osobiste linki z listy osób.',
  'mail.send.error': 'Nie udało się wysłać zaproszeń: {message}',

  // Demo data on the admin home (client/src/admin/DemoDataButton.tsx).
  'demo.load.heading': 'Dane demonstracyjne',
  'demo.load.button': 'Wczytaj dane demonstracyjne',
  'demo.load.hint':
    'Osiem przykładowych sieci ZMP z miastami, osobami i spotkaniami — żeby zobaczyć Empirię w działaniu.',
  'demo.load.confirm':
    'Wczytać dane demonstracyjne? Powstanie osiem sieci ZMP z miastami członkowskimi, osobami (adresy @example.pl), jednym odbytym spotkaniem z zatwierdzoną notatką i jednym zaplanowanym. Dane zostaną w bazie obok prawdziwych.',
  'demo.load.loading': 'Wczytywanie danych demonstracyjnych…',
  'demo.load.done': {
    one: 'Wczytano dane demonstracyjne: {count} sieć.',
    few: 'Wczytano dane demonstracyjne: {count} sieci.',
    many: 'Wczytano dane demonstracyjne: {count} sieci.',
    other: 'Wczytano dane demonstracyjne: {count} sieci.',
  },
  'demo.load.already': 'Dane demonstracyjne są już wczytane.',
  'demo.load.error': 'Nie udało się wczytać danych demonstracyjnych: {message}',
} satisfies Record<string, Message>;
