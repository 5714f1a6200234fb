import { publicPaths, translate, type Language, type MessageKey } from '@empiria/shared';
import { exportDate } from '../summary/export-time';
import type { ProductKind } from './public-products';

/**
 * The network's public page as HTML (issue #13 item 6; [PUB3]): its name, its member cities and
 * what its groups agreed to publish, nothing more — no people, no drafts. Pure and self-contained
 * (no script, no stylesheet or font from elsewhere: the default CSP allows inline style only);
 * every text it is given is escaped here, whoever wrote it.
 */

export interface PublicNetworkView {
  network: { id: string; name: string; theme: string };
  cities: { name: string; observer: boolean }[];
  /** Newest meeting first. */
  notes: { meetingId: string; title: string; startsAt: string; approvedAt: number }[];
  products: {
    kind: ProductKind;
    meetingId: string;
    meetingTitle: string;
    title: string;
    lines: string[];
  }[];
}

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The programme's look, shared with the HTML export: the same fonts, A4 when printed. */
const STYLE = `
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
    color: #111; max-width: 170mm; margin: 0 auto; }
  header { border-bottom: 3px solid #1d4f91; margin: 0 0 14pt; padding: 0 0 8pt; }
  .eyebrow { color: #1d4f91; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; margin: 0; }
  h1 { font-size: 20pt; margin: 2pt 0; }
  .theme { color: #333; margin: 0; }
  h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
  h3 { font-size: 12pt; margin: 0 0 2pt; }
  .kind { color: #1d4f91; font-size: 8.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; margin: 12pt 0 0; }
  .from, .meta { color: #4a4f57; font-size: 9.5pt; margin: 0 0 4pt; }
  ul { margin: 0 0 8pt 18pt; padding: 0; }
  .cities { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4pt 14pt; }
  .notes li { margin: 0 0 6pt; }
  .consent { font-style: italic; color: #333; }
  nav.lang { float: right; font-size: 10pt; }
  a { color: #1d4f91; }
  footer { margin-top: 20pt; border-top: 1px solid #ccc; padding-top: 6pt; font-size: 9pt; color: #4a4f57; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, section { break-inside: avoid; page-break-inside: avoid; }
  @media screen { body { padding: 24px; } }
  @media print { nav.lang, .screen-only { display: none; } a { color: inherit; text-decoration: none; } }
`;

/** `10.05.2025` from a meeting's Warsaw wall clock (`2025-05-10T10:00`). */
function meetingDay(startsAt: string): string {
  const [year, month, day] = startsAt.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

export function publicNetworkHtml(view: PublicNetworkView, language: Language): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    escapeHtml(translate(language, key, params));
  const other: Language = language === 'pl' ? 'en' : 'pl';
  const base = publicPaths.network(view.network.id);
  const withLang = (path: string) => (language === 'pl' ? path : `${path}?lang=${language}`);
  const cities = view.cities
    .map(
      (city) =>
        `<li>${escapeHtml(city.name)}${city.observer ? ` <span class="meta">(${t('publication.page.observer')})</span>` : ''}</li>`,
    )
    .join('');
  const notes =
    view.notes.length === 0
      ? `<p>${t('publication.page.noNotes')}</p>`
      : `<p class="consent">${t('publication.page.consent')}</p>\n<ul class="notes">${view.notes
          .map(
            (note) =>
              `<li><a href="${escapeHtml(withLang(publicPaths.note(view.network.id, note.meetingId)))}">${escapeHtml(note.title)}</a>` +
              ` <span class="meta">${escapeHtml(meetingDay(note.startsAt))} · ${t('publication.page.approved', { date: exportDate(note.approvedAt) })}</span></li>`,
          )
          .join('\n')}</ul>`;
  const products =
    view.products.length === 0
      ? ''
      : `<h2>${t('publication.page.products')}</h2>\n${view.products
          .map(
            (product) =>
              // The kind as a label above the note's own heading, which often names it already.
              `<section><p class="kind">${t(`publication.page.product.${product.kind}`)}</p><h3>${escapeHtml(product.title)}</h3>` +
              `<p class="from"><a href="${escapeHtml(withLang(publicPaths.note(view.network.id, product.meetingId)))}">${t('publication.page.from', { meeting: product.meetingTitle })}</a></p>` +
              `<ul>${product.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`,
          )
          .join('\n')}`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.network.name)}</title>
<link rel="alternate" type="application/atom+xml" href="${escapeHtml(publicPaths.feed(view.network.id))}" title="${t('publication.page.feed')}">
<style>${STYLE}</style>
</head>
<body>
<nav class="lang"><a href="${escapeHtml(other === 'pl' ? base : `${base}?lang=en`)}" hreflang="${other}" lang="${other}">${t('publication.page.other')}</a></nav>
<header>
<p class="eyebrow">${t('publication.page.eyebrow')}</p>
<h1>${escapeHtml(view.network.name)}</h1>
${view.network.theme ? `<p class="theme">${escapeHtml(view.network.theme)}</p>` : ''}
</header>
<main>
<h2>${t('publication.page.cities')}</h2>
<ul class="cities">${cities}</ul>
<h2>${t('publication.page.notes')}</h2>
${notes}
${products}
</main>
<footer>
<p class="screen-only"><a href="${escapeHtml(publicPaths.feed(view.network.id))}">${t('publication.page.feed')}</a> · ${t('publication.page.print')}</p>
</footer>
</body>
</html>
`;
}

/**
 * A published note's page: the note's own printable HTML (the HTML export's, A4) with a link back
 * to the network's page before it, hidden in print.
 */
export function publicNoteHtml(noteHtml: string, networkId: string, language: Language): string {
  const back =
    language === 'pl' ? publicPaths.network(networkId) : `${publicPaths.network(networkId)}?lang=en`;
  const nav =
    `<style>@media print { .public-back { display: none; } } .public-back { margin: 0 0 12pt; font-size: 10pt; }</style>\n` +
    `<p class="public-back"><a href="${escapeHtml(back)}">${escapeHtml(translate(language, 'publication.page.back'))}</a></p>\n`;
  const at = noteHtml.indexOf('<body>\n');
  if (at < 0) throw new Error('the note export has no <body>');
  const cut = at + '<body>\n'.length;
  return noteHtml.slice(0, cut) + nav + noteHtml.slice(cut);
}
