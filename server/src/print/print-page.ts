import QRCode from 'qrcode';
import { sheetSvg, type SheetLayout } from '@empiria/formats';
import type { Language } from '@empiria/shared';

export const PAPERS = {
  /** A flipchart sheet (68×99 cm); the drawing is scaled a little to leave the QR strip and an edge. */
  flipchart: { w: 680, h: 990, margin: 10 },
  a3: { w: 297, h: 420, margin: 8 },
  a4: { w: 210, h: 297, margin: 6 },
} as const;
export type Paper = keyof typeof PAPERS;

const WORDS = {
  pl: { scan: 'Zeskanuj, aby dołączyć do tablicy', title: 'Arkusze do druku' },
  en: { scan: 'Scan to join the board', title: 'Sheets to print' },
} as const;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The board's sheets as print-ready pages, one sheet per page, drawn from the same geometry as the
 * canvas (the same zones in the same places), with a QR code of the participants' link on each so
 * people in the room can join from their phones. Self-contained: the QR code is inline SVG.
 */
export async function printPage(args: {
  layout: SheetLayout;
  language: Language;
  paper: Paper;
  boardTitle: string;
  joinUrl: string;
}): Promise<string> {
  const paper = PAPERS[args.paper];
  const words = WORDS[args.language];
  const qr = await QRCode.toString(args.joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const pages = args.layout.sheets
    .map(
      (sheet) =>
        `<section class="page" aria-label="${esc(`${sheet.number}. ${sheet.title[args.language]}`)}">` +
        `<div class="sheet">${sheetSvg(sheet, args.language)}</div>` +
        `<footer><span>${esc(args.boardTitle)}</span><span class="join">${esc(words.scan)} ${qr}</span></footer>` +
        '</section>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="${args.language}">
<head>
<meta charset="utf-8">
<title>${esc(`${words.title}: ${args.boardTitle}`)}</title>
<style>
  @page { size: ${paper.w}mm ${paper.h}mm; margin: 0; }
  html, body { margin: 0; padding: 0; background: #fff; }
  .page { width: ${paper.w}mm; height: ${paper.h}mm; box-sizing: border-box; padding: ${paper.margin}mm;
    display: flex; flex-direction: column; page-break-after: always; break-after: page; overflow: hidden;
    font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; }
  .page:last-child { page-break-after: auto; break-after: auto; }
  /* The sheet keeps its 68:99 proportions, scaled down a little to leave a strip for the QR code,
     so the code never covers a zone people write in. */
  .sheet { flex: 1; min-height: 0; }
  .sheet > svg { display: block; width: 100%; height: 100%; }
  footer { height: 7%; display: flex; align-items: center; justify-content: space-between; gap: 4%;
    font-size: ${(paper.h * 0.012).toFixed(2)}mm; color: #4a4f57; }
  footer .join { display: flex; align-items: center; gap: 3%; height: 100%; white-space: nowrap; }
  footer svg { height: 100%; width: auto; }
  @media screen { body { background: #e9ecef; } .page { background: #fff; margin: 12px auto; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
</style>
</head>
<body>
${pages}
</body>
</html>
`;
}
