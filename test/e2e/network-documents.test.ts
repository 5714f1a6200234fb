/**
 * The network's document space in Chromium (issue #13 item 5): the facilitator opens it from her
 * home, makes a folder, uploads a PDF into it with the file picker and an internal note by drag and
 * drop, and shares the PDF with observers; an observer city's representative, on her phone, opens
 * the space from her home, sees and downloads the shared PDF, and the unshared note is not listed
 * for her. Screenshots on the desktop and the phone (390×844), looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createdResponseSchema, networkDetailSchema } from '@empiria/shared';
import { apiCall } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { pngWithLocation } from '../support/images';
import { SEEN } from '../support/network-pages';
import { samplePdf } from '../support/network-documents-files';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const SHARED = 'Program spotkania 2 – Łódź.pdf';
const INTERNAL = 'Notatki wewnętrzne.pdf';
const FOLDER = 'Materiały ze spotkań';

let networkId: string;
const links: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zielone miasta',
      theme: 'Zieleń i klimat',
      facilitator: { name: 'Felicja Nowak' },
    }),
  ).id;
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Radom',
    membership: 'observer',
  });
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Rita Radomska',
    city: 'Radom',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) links[person.name] = person.link ?? '';
});

describe('network documents', () => {
  it('the facilitator shares a PDF in a folder; the observer sees and downloads it, not the unshared note', async () => {
    const desk = await setup.browser.newContext({ bypassCSP: true });
    const fela = await desk.newPage();
    const refused: string[] = [];
    const watch = (page: typeof fela) =>
      page.on('response', (response) => {
        if (response.status() >= 400)
          refused.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
    watch(fela);
    await fela.goto(links['Felicja Nowak'] ?? '');
    await fela.getByTestId('home').waitFor(SEEN);
    await fela.getByTestId('documents-link').click();
    await fela.getByRole('heading', { name: 'Zielone miasta' }).waitFor(SEEN);
    await fela.getByText('Nie ma jeszcze żadnych plików.').waitFor(SEEN);

    await fela.getByLabel('Nowy folder').fill(FOLDER);
    await fela.getByRole('button', { name: 'Utwórz folder' }).click();
    const folder = fela.locator(`[data-folder="${FOLDER}"]`);
    await folder.waitFor(SEEN);
    // A new folder is where the next upload goes.
    expect(await fela.getByLabel('Do folderu').inputValue()).not.toBe('');
    await fela.getByTestId('documents-picker').setInputFiles({
      name: SHARED,
      mimeType: 'application/pdf',
      buffer: samplePdf('Program'),
    });
    await fela.getByText(`Dodano: ${SHARED}`).waitFor(SEEN);
    const sharedRow = folder.locator(`[data-file="${SHARED}"]`);
    await sharedRow.waitFor(SEEN);
    expect(await sharedRow.textContent()).toContain('wersja 1');
    expect(await sharedRow.textContent()).toContain('Felicja Nowak');

    // The internal note, dropped on the zone, outside any folder.
    await fela.getByLabel('Do folderu').selectOption('');
    const pdf = samplePdf('Wewnętrzne').toString('base64');
    const dropped = await fela.evaluateHandle(
      ([name, base64]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
        return transfer;
      },
      [INTERNAL, pdf] as const,
    );
    await fela.getByTestId('documents-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await fela.getByText(`Dodano: ${INTERNAL}`).waitFor(SEEN);

    // A picture renamed to ".pdf" is refused, and the page says why.
    await fela.getByTestId('documents-picker').setInputFiles({
      name: 'Zdjęcie sali.pdf',
      mimeType: 'application/pdf',
      buffer: pngWithLocation(),
    });
    const refusal = fela.getByRole('alert');
    await refusal.waitFor(SEEN);
    expect(await refusal.textContent()).toBe(
      'Plik „Zdjęcie sali.pdf” nie jest tym, co mówi jego nazwa. Zapisz go jeszcze raz jako PDF, Word, Excel lub zdjęcie.',
    );
    await screenshot(fela, 'documents-desktop-refused');
    expect(await fela.locator('[data-file="Zdjęcie sali.pdf"]').count()).toBe(0);

    await sharedRow.getByRole('button', { name: 'Udostępnij obserwatorom' }).click();
    await sharedRow.getByText('Widoczny dla obserwatorów').waitFor(SEEN);
    await screenshot(fela, 'documents-desktop-facilitator');
    const violations = await seriousViolations(fela);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Rita, observer city Radom, on her phone, from her home.
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const rita = await phone.newPage();
    watch(rita);
    await rita.goto(links['Rita Radomska'] ?? '');
    await rita.getByTestId('home').waitFor(SEEN);
    await rita.getByRole('link', { name: 'Dokumenty sieci' }).click();
    await rita
      .getByText('Tu są dokumenty, które moderatorzy sieci udostępnili miastom obserwatorom.')
      .waitFor(SEEN);
    const ritaRow = rita.locator(`[data-file="${SHARED}"]`);
    await ritaRow.waitFor(SEEN);
    expect(await rita.locator(`[data-file="${INTERNAL}"]`).count()).toBe(0);
    expect(await rita.getByText(INTERNAL).count()).toBe(0);
    // She reads; she neither uploads nor manages.
    expect(await rita.getByRole('button', { name: 'Wybierz pliki' }).count()).toBe(0);
    expect(await rita.getByRole('button', { name: 'Udostępnij obserwatorom' }).count()).toBe(0);
    expect(await rita.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(rita, 'documents-phone-observer');

    const [download] = await Promise.all([
      rita.waitForEvent('download'),
      ritaRow.getByRole('button', { name: `Pobierz ${SHARED}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(SHARED);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('(Program)');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
    // The space's own requests all succeeded but the refused picture, and nothing threw. (Other features' links on the
    // home make their own requests; their refusals are theirs to answer for.)
    expect(refused.filter((line) => line.includes('/documents'))).toEqual([
      expect.stringMatching(/^415 POST .*\/documents\/files$/),
    ]);
    expect([...desk.pageErrors(), ...phone.pageErrors()].filter((e) => e.startsWith('pageerror'))).toEqual(
      [],
    );
  });
});
