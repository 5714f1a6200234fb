import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/** The network forum (`/n/<id>/forum`) and its link with unread posts on the home. Polish first; `forum.en.ts` has the same keys. */
export const forumPl = {
  'forum.eyebrow': 'Forum sieci',
  'forum.lead':
    'Materiały, pytania i odpowiedzi, obserwacje i potrzeby miast — w gronie tej sieci, bez osób z zewnątrz.',
  'forum.backToNetwork': '← Strona sieci',
  'forum.backToHome': '← Moja strona',
  'forum.backToForum': '← Wszystkie wątki',
  'forum.officeReads':
    'Biuro ZMP czyta forum każdej sieci; wpisy dodają osoby z sieci przez swoje linki osobiste.',

  'forum.kind.material': 'Materiały',
  'forum.kind.question': 'Pytanie',
  'forum.kind.need': 'Obserwacja / potrzeba',
  'forum.kindHint.material': 'Dokument, prezentacja, link do dobrej praktyki.',
  'forum.kindHint.question': 'Pytanie do sieci; odpowiedzi pojawią się pod nim.',
  'forum.kindHint.need':
    'Obserwacja albo potrzeba Twojego miasta. Moderatorzy sieci mogą dodać ją do programu spotkania.',
  'forum.filter.label': 'Pokaż',
  'forum.filter.all': 'Wszystkie wątki',

  'forum.new.open': 'Nowy wątek',
  'forum.new.heading': 'Nowy wątek',
  'forum.new.kind': 'Rodzaj',
  'forum.new.title': 'Tytuł',
  'forum.new.body': 'Treść',
  'forum.new.bodyHint': 'Zwykły tekst; adresy stron (https://…) staną się linkami.',
  'forum.new.submit': 'Opublikuj',
  'forum.new.cancel': 'Anuluj',
  'forum.chars': '{count} / {max} znaków',

  'forum.threads.empty': 'Nie ma jeszcze wątków. Zacznij pierwszy.',
  'forum.threads.emptyKind': 'Nie ma wątków tego rodzaju.',
  'forum.thread.posts': plural({
    one: '{count} wpis',
    few: '{count} wpisy',
    many: '{count} wpisów',
    other: '{count} wpisu',
  }),
  'forum.thread.unread': plural({
    one: '{count} nowy',
    few: '{count} nowe',
    many: '{count} nowych',
    other: '{count} nowego',
  }),
  'forum.thread.lastPost': 'ostatni wpis {date}',
  'forum.thread.hidden': 'wątek ukryty',
  'forum.thread.notFound': 'Nie ma takiego wątku (mógł zostać usunięty albo ukryty).',

  'forum.author.observer': 'miasto obserwator',
  'forum.author.left': 'nie należy już do sieci',
  'forum.post.edited': 'edytowano',
  'forum.post.hidden':
    'Ukryte przez moderatora: widzą to tylko moderatorzy sieci, biuro ZMP i autor(ka) wpisu.',
  'forum.post.edit': 'Edytuj',
  'forum.post.delete': 'Usuń',
  'forum.post.confirmDelete': 'Usunąć ten wpis? Tego nie da się cofnąć.',
  'forum.post.confirmDeleteThread': 'To pierwszy wpis wątku: usunięcie usunie cały wątek. Usunąć?',
  'forum.post.save': 'Zapisz',
  'forum.post.cancel': 'Anuluj',
  'forum.post.hide': 'Ukryj wpis',
  'forum.post.show': 'Przywróć wpis',
  'forum.reply.label': 'Twoja odpowiedź',
  'forum.reply.submit': 'Odpowiedz',

  'forum.agenda.added': 'Dodano do programu spotkania {date}',
  'forum.agenda.open': 'Zobacz spotkanie',
  'forum.agenda.heading': 'Dodaj do programu spotkania',
  'forum.agenda.hint':
    'Potrzeba trafi na koniec programu jako „Wolna dyskusja” z tytułem wątku; kolejność zmienisz na stronie sieci.',
  'forum.agenda.meeting': 'Spotkanie',
  'forum.agenda.minutes': 'Czas (minuty)',
  'forum.agenda.submit': 'Dodaj do programu',
  'forum.agenda.none': 'Nie ma zaplanowanego spotkania. Zaplanuj je na stronie sieci.',

  'forum.home.link': 'Forum sieci',
  'forum.home.unread': plural({
    one: '{count} nowy wpis',
    few: '{count} nowe wpisy',
    many: '{count} nowych wpisów',
    other: '{count} nowego wpisu',
  }),

  'forum.error.noToken':
    'Forum otwiera się linkiem osobistym członka sieci albo z panelu biura ZMP. Otwórz swój link osobisty jeszcze raz.',
  'forum.error.forbidden': 'Ten link osobisty należy do innej sieci: jej forum jest niedostępne.',
  'forum.error.linkEnded': 'Ten link osobisty już nie działa (wymieniono go albo usunięto Cię z sieci).',
  'forum.error.notFound': 'Nie ma takiej sieci.',
  'forum.error.invalid': 'Sprawdź tytuł i treść: tytuł do 200 znaków, treść do 10 000 znaków.',
  'forum.error.boardInUse':
    'Na tablicę tego spotkania ktoś już wszedł, więc jego programu nie można już zmienić.',
  'forum.error.alreadyOnAgenda': 'Ta potrzeba jest już w programie spotkania.',
  'forum.error.meetingHeld': 'To spotkanie już się odbyło. Wybierz zaplanowane.',
  'forum.error.hasReplies': 'Inni już odpowiedzieli w tym wątku: zamiast usuwać, popraw swój wpis.',
  'forum.error.rateLimited': 'Za dużo działań naraz. Spróbuj za chwilę.',
  'forum.error.save': 'Nie udało się zapisać. Spróbuj jeszcze raz.',
} satisfies Record<string, Message>;
