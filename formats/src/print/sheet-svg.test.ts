import { describe, expect, it } from 'vitest';
import { formats } from '../formats';
import { layoutFormat } from '../layout/sheet-layout';
import { sheetSvg } from './sheet-svg';

describe('printed sheets', () => {
  it('draw every zone label, header and cell of the canvas template, escaped, in the chosen language', () => {
    for (const format of formats.filter((f) => f.steps.length > 0)) {
      for (const sheet of layoutFormat(format).sheets) {
        for (const language of ['pl', 'en'] as const) {
          const svg = sheetSvg(sheet, language);
          expect(svg.startsWith('<svg')).toBe(true);
          expect(svg).toContain(`viewBox="0 0 ${sheet.w} ${sheet.h}"`);
          const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          expect(svg).toContain(escape(sheet.title[language]));
          for (const zone of sheet.zones) {
            for (const header of zone.headers) expect(svg).toContain(escape(header.label[language]));
            // One dashed rectangle per cell, where the geometry puts it.
            for (const cell of zone.cells) {
              expect(svg).toContain(
                `<rect x="${cell.x - sheet.x}" y="${cell.y - sheet.y}" width="${cell.w}" height="${cell.h}"`,
              );
            }
          }
        }
      }
    }
  });
});
