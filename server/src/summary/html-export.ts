import type { SummaryBlock, TextRun } from '@empiria/shared';
import type { MeetingNotes } from './meeting-notes';
import { notesOutline, sectionLevel } from './notes-outline';

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      let html = esc(r.text).replace(/\n/g, '<br>');
      if (r.marks.includes('bold')) html = `<strong>${html}</strong>`;
      if (r.marks.includes('italic')) html = `<em>${html}</em>`;
      if (r.marks.includes('strike')) html = `<s>${html}</s>`;
      return html;
    })
    .join('');
}

function blocks(list: readonly SummaryBlock[]): string {
  return list
    .map((block) => {
      if (block.type === 'heading') {
        const level = sectionLevel(block.level);
        return `<h${level}>${inline(block.runs)}</h${level}>`;
      }
      if (block.type === 'paragraph') return `<p>${inline(block.runs)}</p>`;
      const tag = block.type === 'orderedList' ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${blocks(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

/**
 * A print-ready page (A4): the browser's "Print → Save as PDF" makes the PDF. Self-contained — no
 * font or stylesheet from elsewhere. A draft carries its banner on every printed page (a fixed
 * element repeats on each page in print).
 */
export function meetingNotesToHtml(notes: MeetingNotes): string {
  const o = notesOutline(notes);
  const rows = (pairs: [string, string][]) =>
    pairs.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${notes.language}">
<head>
<meta charset="utf-8">
<title>${esc(o.title)}</title>
<style>
  @page { size: A4; margin: 22mm 20mm 20mm 20mm; }
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 170mm; margin: 0 auto; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
  h3 { font-size: 12pt; margin: 12pt 0 4pt; }
  h4 { font-size: 11pt; margin: 10pt 0 4pt; }
  .subtitle { color: #333; margin: 0 0 10pt; }
  .intro { font-style: italic; margin: 0 0 12pt; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 8pt; }
  td { overflow-wrap: anywhere; }
  th, td { text-align: left; vertical-align: top; padding: 3pt 6pt; border: 1px solid #bbb; }
  th { width: 34%; background: #f2f2f2; font-weight: 600; }
  .draft { text-align: center; font-weight: 700; letter-spacing: 0.08em; color: #b00020; border: 2px solid #b00020; padding: 2pt; margin: 0 0 10pt; }
  /* Fixed elements repeat on every printed page: the draft says so on each, behind the text. */
  .draft-watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-28deg);
    font-size: 34pt; font-weight: 700; color: rgba(176, 0, 32, 0.13); pointer-events: none; z-index: -1; }
  ul, ol { margin: 0 0 8pt 18pt; padding: 0; }
  li > p { margin: 0 0 2pt; }
  /* A clerk files whole tables and never a heading alone at the foot of a page. */
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, li { break-inside: avoid; page-break-inside: avoid; }
  .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
  @media screen { body { padding: 24px; } }
</style>
</head>
<body>
${o.draftBanner ? `<div class="draft" role="note">${esc(o.draftBanner)}</div><div class="draft-watermark" aria-hidden="true">${esc(o.draftBanner)}</div>` : ''}
<h1>${esc(o.title)}</h1>
${o.subtitle ? `<p class="subtitle">${esc(o.subtitle)}</p>` : ''}
<p class="intro">${esc(o.intro)}</p>
<table>${rows(o.recordRows)}</table>
<h2>${esc(o.attendanceHeading)}</h2>
<ul>${o.attendance.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
${o.guests.length > 0 ? `<h2>${esc(o.guestsHeading)}</h2>\n<ul>${o.guests.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : ''}
${blocks(o.blocks)}
<h2>${esc(o.approvalHeading)}</h2>
<table>${o.approvalRows
    .map(
      ([k, v], i) =>
        `<tr><th scope="row">${esc(k)}</th><td${i === o.approvalRows.length - 1 && notes.status.kind === 'approved' ? ' class="hash"' : ''}>${esc(v)}</td></tr>`,
    )
    .join('')}</table>
</body>
</html>
`;
}
