/** The observers' stream of a meeting (docs/observers.md). */
export const streamPl = {
  'stream.title': 'Transmisja dla miast obserwatorów',
  'stream.badge': 'Transmisja',
  'stream.closed.title': 'Trwa część zamknięta spotkania',
  'stream.closed.body':
    'W tej części pracują tylko stali przedstawiciele i przedstawicielki miast sieci. Transmisja wróci w części otwartej.',
  'stream.closed.next': 'Następna część otwarta: {title}',
  'stream.closed.noneLeft': 'Do końca spotkania nie ma już części otwartych.',
  'stream.notStarted.title': 'Spotkanie jeszcze się nie zaczęło',
  'stream.notStarted.body': 'Transmisja zacznie się od pierwszej części otwartej.',
  'stream.agenda': 'Program spotkania',
  'stream.open': 'otwarta',
  'stream.closedPart': 'zamknięta',
  'stream.now': 'teraz',
  'stream.noteAfterConsent':
    'Notatkę ze spotkania zobaczysz, gdy grupa ją zatwierdzi i zgodzi się ją udostępnić obserwatorom.',
  'stream.access.label': 'Dla obserwatorów',
  'stream.access.open': 'Otwarta dla obserwatorów',
  'stream.access.closed': 'Zamknięta dla obserwatorów',
  'stream.access.toggleOpen': 'Otwórz tę część dla obserwatorów',
  'stream.access.toggleClose': 'Zamknij tę część dla obserwatorów',
  'stream.access.now.open': 'Obserwatorzy widzą teraz ten arkusz',
  'stream.access.now.closed': 'Obserwatorzy nie widzą tej części',
} as const;
