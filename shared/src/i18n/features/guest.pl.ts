/**
 * The guest expert (gość – ekspert zewnętrzny): someone from a ministry, BGK, NFOŚ… invited to one
 * meeting, who advises the group but neither drives the meeting, nor votes, nor approves the note.
 */
export const guestPl = {
  'guest.joinNote':
    'Jako gość – ekspert zewnętrzny dodajesz karteczki i komentujesz notatkę. Kroki, czas i głosowanie prowadzi para prowadząca, a notatkę zatwierdzają przedstawiciele miast.',
  'guest.institutionLabel': 'Instytucja',
  'guest.institutionPlaceholder': 'np. BGK, NFOŚiGW, Ministerstwo Rozwoju',
  'guest.voteBanner': 'Głosują miasta: jako gość nie przydzielasz kropek.',
  'guest.peopleHeading': 'Goście – eksperci zewnętrzni',
  'guest.recordHeading': 'Goście – eksperci zewnętrzni',
  'guest.noApproval': 'Notatkę zatwierdzają przedstawiciele miast; jako gość możesz ją skomentować.',
  'guest.invite.heading': 'Zaproś gościa – eksperta zewnętrznego',
  'guest.invite.hint':
    'Link dla osoby z zewnątrz zaproszonej na to spotkanie (np. z ministerstwa, BGK, NFOŚiGW). Gość dodaje karteczki i komentuje notatkę, ale nie głosuje i nie zatwierdza notatki.',
  'guest.invite.show': 'Pokaż link dla gościa',
  'guest.invite.failed': 'Nie udało się wczytać linku. Spróbuj ponownie.',
} as const;
