import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/** A network's document space (`/n/<id>/documents`) and its link on the home and the network page. Polish first; `network-documents.en.ts` has the same keys. */
export const networkDocumentsPl = {
  'documents.link': 'Dokumenty sieci',
  'documents.eyebrow': 'Dokumenty sieci',
  'documents.lead':
    'Pliki sieci w jednym miejscu: PDF, Word, Excel i zdjęcia. Każda wersja zostaje, widać kto i kiedy ją dodał.',
  'documents.leadObserver': 'Tu są dokumenty, które moderatorzy sieci udostępnili miastom obserwatorom.',
  'documents.backToNetwork': '← Strona sieci',
  'documents.backToHome': '← Moja strona',

  'documents.upload.heading': 'Dodaj pliki',
  'documents.upload.drop': 'Upuść pliki tutaj albo',
  'documents.upload.pick': 'Wybierz pliki',
  'documents.upload.into': 'Do folderu',
  'documents.upload.top': 'Bez folderu',
  'documents.upload.hint':
    'PDF, Word (.docx), Excel (.xlsx), PNG, JPEG lub WebP, do {max} MB. Plik o tej samej nazwie w tym samym folderze staje się jego nową wersją.',
  'documents.upload.sending': 'Wysyłanie: {name}…',
  'documents.upload.done': 'Dodano: {name}',
  'documents.upload.doneVersion': 'Dodano nową wersję: {name}',
  'documents.usage': 'Zajęte: {used} z {quota}',

  'documents.folder.new': 'Nowy folder',
  'documents.folder.create': 'Utwórz folder',
  'documents.folder.top': 'Pliki bez folderu',
  'documents.folder.empty': 'Folder jest pusty.',
  'documents.folder.shared': 'Folder udostępniony obserwatorom',
  'documents.folder.share': 'Udostępnij folder obserwatorom',
  'documents.folder.unshare': 'Przestań udostępniać folder',

  'documents.empty': 'Nie ma jeszcze żadnych plików.',
  'documents.emptyObserver': 'Nic jeszcze nie udostępniono miastom obserwatorom.',
  'documents.file.download': 'Pobierz',
  'documents.file.downloadNamed': 'Pobierz {name}',
  'documents.file.version': 'wersja {version}',
  'documents.file.uploadedBy': '{who}, {when}',
  'documents.file.office': 'Biuro ZMP',
  'documents.file.versions': plural({
    one: '{count} wersja',
    few: '{count} wersje',
    many: '{count} wersji',
    other: '{count} wersji',
  }),
  'documents.file.olderVersions': 'Wcześniejsze wersje',
  'documents.file.shared': 'Widoczny dla obserwatorów',
  'documents.file.sharedByFolder': 'Widoczny dla obserwatorów (przez folder)',
  'documents.file.share': 'Udostępnij obserwatorom',
  'documents.file.unshare': 'Przestań udostępniać',
  'documents.file.moveTo': 'Przenieś do',
  'documents.file.delete': 'Usuń',
  'documents.file.confirmDelete': 'Usunąć „{name}”? Plik zostanie w „Usuniętych” dla moderatorów.',
  'documents.file.confirm': 'Tak, usuń',
  'documents.file.cancel': 'Anuluj',
  'documents.deleted.heading': 'Usunięte',
  'documents.deleted.hint': 'Widzą je tylko moderatorzy sieci, organizator i biuro; można je pobrać.',
  'documents.deleted.at': 'usunięty {when}',

  'documents.error.noToken': 'Otwórz tę stronę swoim linkiem osobistym.',
  'documents.error.linkEnded': 'Ten link przestał działać. Poproś moderatora sieci o nowy.',
  'documents.error.forbidden': 'To nie są dokumenty Twojej sieci.',
  'documents.error.notFound': 'Nie ma takiej sieci albo pliku.',
  'documents.error.tooLarge': 'Plik „{name}” jest za duży: najwyżej {max} MB.',
  'documents.error.mismatch':
    'Plik „{name}” nie jest tym, co mówi jego nazwa. Zapisz go jeszcze raz jako PDF, Word, Excel lub zdjęcie.',
  'documents.error.unsupported':
    'Plików typu „{name}” tu nie przechowujemy: tylko PDF, Word, Excel i zdjęcia.',
  'documents.error.quota': 'Miejsce na dokumenty sieci się skończyło. Poproś biuro ZMP o więcej.',
  'documents.error.exists': 'Taka nazwa już tu jest.',
  'documents.error.badName': 'Nazwa jest pusta albo za długa.',
  'documents.error.rateLimited': 'Za dużo zmian naraz; spróbuj za chwilę.',
  'documents.error.save': 'Nie udało się zapisać zmiany. Spróbuj jeszcze raz.',
} satisfies Record<string, Message>;
