import { getFormat } from '@empiria/formats';
import { translate, type AgendaEntry, type Language, type Meeting } from '@empiria/shared';
import { addLocalMinutes } from '@empiria/shared';

/** What one invitee's message is made of. */
export interface InvitationMessageInput {
  networkName: string;
  meeting: Pick<Meeting, 'title' | 'startsAt' | 'endsAt' | 'mode' | 'hostCity' | 'venue' | 'room' | 'agenda'>;
  /** The invitee's own name and personal link: the message is theirs alone. */
  personName: string;
  personalLink: string;
}

export interface InvitationMessage {
  subject: string;
  text: string;
  html: string;
}

/** Polish first (the network's language), then the same in English for guests from abroad. */
const LANGUAGES: readonly Language[] = ['pl', 'en'];

/**
 * The invitation e-mail: the meeting's title, its Warsaw date and times, the place or "online",
 * the agenda with each item's minutes, and the invitee's personal link. Pure: the caller attaches
 * the calendar file and sends it. The subject is one line whatever the title holds.
 */
export function invitationMessage(input: InvitationMessageInput): InvitationMessage {
  const sections = LANGUAGES.map((language) => section(language, input));
  const subject = oneLine(
    translate('pl', 'mail.invitation.subject', {
      title: input.meeting.title,
      date: longDate('pl', input.meeting.startsAt),
    }),
  );
  const text = sections
    .map((lines, index) => [
      ...(index === 0 ? [`(${translate('pl', 'mail.invitation.otherLanguage')})`, ''] : ['', '-----', '']),
      ...lines.flatMap((line) => (line.kind === 'link' ? [line.text, line.url] : [line.text])),
    ])
    .flat()
    .join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.45;color:#1d2433">',
    ...sections.map((lines, index) =>
      [
        index === 0
          ? `<p style="color:#5b6475"><em>${escapeHtml(translate('pl', 'mail.invitation.otherLanguage'))}</em></p>`
          : '<hr>',
        `<div lang="${LANGUAGES[index]}">`,
        ...lines.map(htmlLine),
        '</div>',
      ].join('\n'),
    ),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

type Line =
  { kind: 'p' | 'strong' | 'item' | 'small'; text: string } | { kind: 'link'; text: string; url: string };

function section(
  language: Language,
  { networkName, meeting, personName, personalLink }: InvitationMessageInput,
): Line[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(language, key, params);
  const place = [meeting.venue, meeting.room, meeting.hostCity].filter(Boolean).join(', ');
  const where: Line[] =
    meeting.mode === 'online'
      ? [{ kind: 'p', text: t('mail.invitation.online') }]
      : [
          ...(place ? [{ kind: 'p' as const, text: t('mail.invitation.where', { place }) }] : []),
          ...(meeting.mode === 'hybrid' ? [{ kind: 'p' as const, text: t('mail.invitation.hybrid') }] : []),
        ];
  return [
    { kind: 'p', text: t('mail.invitation.greeting', { name: oneLine(personName) }) },
    {
      kind: 'p',
      text: t('mail.invitation.intro', { network: oneLine(networkName), title: oneLine(meeting.title) }),
    },
    {
      kind: 'strong',
      text: t('mail.invitation.when', {
        date: longDate(language, meeting.startsAt),
        start: meeting.startsAt.slice(11),
        end: meeting.endsAt.slice(11),
      }),
    },
    ...where,
    { kind: 'p', text: t('mail.invitation.agenda') },
    ...agendaLines(language, meeting.startsAt, meeting.agenda).map((text): Line => ({ kind: 'item', text })),
    { kind: 'link', text: t('mail.invitation.link'), url: personalLink },
    { kind: 'small', text: t('mail.invitation.keep') },
    { kind: 'p', text: t('mail.invitation.calendar') },
    { kind: 'small', text: t('mail.invitation.signature') },
  ];
}

/** `10:00–10:30 Przerwa (30 min)`: each item with its wall-clock times and minutes. */
export function agendaLines(language: Language, startsAt: string, agenda: readonly AgendaEntry[]): string[] {
  let at = startsAt;
  return agenda.map((item) => {
    const end = addLocalMinutes(at, item.minutes);
    const line = `${at.slice(11)}–${end.slice(11)} ${agendaLabel(language, item)} (${item.minutes} min)`;
    at = end;
    return line;
  });
}

function agendaLabel(language: Language, item: AgendaEntry): string {
  if (item.kind === 'step') {
    const step = getFormat(item.format)?.steps.find((candidate) => candidate.id === item.stepId);
    return step ? step.title[language] : item.stepId;
  }
  return item.title || translate(language, `network.agenda.${item.kind}`);
}

/** `poniedziałek, 15 marca 2027` / `Monday, 15 March 2027` for a Warsaw wall-clock time. */
export function longDate(language: Language, localDateTime: string): string {
  // The wall-clock date read as UTC and formatted in UTC: no zone can move it to another day.
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${localDateTime.slice(0, 10)}T12:00:00Z`));
}

function htmlLine(line: Line): string {
  switch (line.kind) {
    case 'strong':
      return `<p><strong>${escapeHtml(line.text)}</strong></p>`;
    case 'item':
      return `<p style="margin:0 0 0 1em">${escapeHtml(line.text)}</p>`;
    case 'small':
      return `<p style="color:#5b6475;font-size:0.9em">${escapeHtml(line.text)}</p>`;
    case 'link':
      return `<p>${escapeHtml(line.text)}<br><a href="${escapeHtml(line.url)}">${escapeHtml(line.url)}</a></p>`;
    default:
      return `<p>${escapeHtml(line.text)}</p>`;
  }
}

/** Whatever a name or title holds, it is one line (nodemailer encodes headers; this keeps them readable). */
function oneLine(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
