import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormat } from '@empiria/formats';
import { apiRequest, createBoard, join } from '../support/api';
import { ARTIFACTS_DIR } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

/**
 * The mirrored flipchart on paper: the print page of a board's sheets, rendered to PDF by
 * Chromium — one page per sheet, at flipchart size or A4 — and to PNG for a person to look at.
 */
const setup = serverAndBrowserPerFile();

/** Page count of a PDF, from its page objects. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('printing the sheets', () => {
  it.each([
    ['format-2', 'a4', 210, 297],
    ['format-3', 'flipchart', 680, 990],
  ] as const)(
    '%s on %s: one page per sheet, the QR code and the zones',
    async (formatId, paper, wMm, hMm) => {
      const board = await createBoard(setup.server, `Druk ${formatId}`, formatId);
      const organiser = await join(setup.server, board.id, board.invites.organiser, 'Olek', 'Gdynia');
      const participant = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
      const refused = await apiRequest(setup.server, 'GET', `/api/boards/${board.id}/print`, {
        token: participant.sessionToken,
      });
      expect(refused.status).toBe(403);

      const res = await apiRequest(setup.server, 'GET', `/api/boards/${board.id}/print?paper=${paper}`, {
        token: organiser.sessionToken,
      });
      expect(res.status).toBe(200);
      const html = String(res.body);
      const format = getFormat(formatId)!;
      for (const step of format.steps) expect(html).toContain(step.title.pl.replace(/&/g, '&amp;'));

      const context = await setup.browser.newContext();
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pageCount(pdf)).toBe(format.steps.length);
      // The page size is the paper's (PDF points: 1 mm = 72 / 25.4 pt).
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Math.round((Number(box?.[1]) * 25.4) / 72)).toBe(wMm);
      expect(Math.round((Number(box?.[2]) * 25.4) / 72)).toBe(hMm);
      // The QR code carries the participants' link: one per page.
      expect(
        (
          html.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+" shape-rendering/g) ??
          []
        ).length,
      ).toBe(format.steps.length);

      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `print-${formatId}-${paper}.pdf`);
      fs.writeFileSync(file, pdf);
      try {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '50',
          '-f',
          '1',
          '-l',
          '3',
          file,
          file.replace(/\.pdf$/, ''),
        ]);
      } catch {
        // pdftoppm (poppler-utils) only makes pictures for people to look at; the checks above stand.
      }
      await context.close();
    },
  );
});
