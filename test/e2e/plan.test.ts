/**
 * The network's work plan in Chromium (issue #13 item 1): the pair reviews two actions of the plan
 * in a meeting — the "Przegląd planu pracy" step of the agenda shows the open actions in the
 * facilitator's console, and each status change is saved at once — and the plan page then names
 * that meeting beside each change. On the plan page, a section saved by the expert meanwhile is
 * not overwritten: the facilitator sees both texts, merges them and saves. Screenshots plan-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
  planActionResponseSchema,
  planResponseSchema,
} from '@empiria/shared';
import { apiCall, inviteToken } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { joinBoard } from '../support/board-page';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { SEEN } from '../support/network-pages';
import { startServer, type ServerHandle } from '../support/server-process';

let server: ServerHandle;
let browser: BrowserHandle;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_ACT: '1000/1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const admin = () => server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(server, method, url, { token, body });

const MEETING = 'Spotkanie 3 — przegląd planu';

/** Polish screens; a sandboxed frame of the board has no storage, and that is not a page error. */
function polish(): void {
  try {
    localStorage.setItem('empiria.language', 'pl');
  } catch {
    // an opaque-origin frame: nothing to set there
  }
}
let networkId: string;
let boardId: string;
const links: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zielone miasta',
      theme: 'Zieleń i klimat',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edward Zieliński' }],
    }),
  ).id;
  for (const [city, membership] of [
    ['Gdynia', 'programme-laureate'],
    ['Płock', 'programme-finalist'],
  ] as const) {
    await call('POST', `/api/networks/${networkId}/members`, admin(), { city, membership });
  }
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Ala Gdyńska',
    city: 'Gdynia',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) links[person.name] = person.link ?? '';
  const city = Object.fromEntries(detail.members.map((m) => [m.city, m.cityId]));
  const fela = inviteToken(links['Felicja Nowak'] ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, fela, {
      title: MEETING,
      startsAt: '2099-05-20T10:00',
      mode: 'online',
      agenda: [
        { kind: 'plan-review', minutes: 30 },
        { kind: 'free-discussion', minutes: 20 },
      ],
    }),
  );
  boardId = meeting.boardId;
  for (const [title, owner, deadline] of [
    ['Mapa zieleni miejskiej', 'Gdynia', '2027-06-30'],
    ['Ogrody deszczowe przy szkołach', 'Płock', '2027-09-15'],
    ['Wspólny wniosek do KPO', 'Gdynia', null],
  ] as const) {
    const { action } = planActionResponseSchema.parse(
      await call('POST', `/api/networks/${networkId}/plan/actions`, fela, {
        title,
        ownerCityId: city[owner],
        deadline,
      }),
    );
    ids[title] = action.id;
  }
  // The third is already done: the review lists the open ones.
  await call('PATCH', `/api/networks/${networkId}/plan/actions/${ids['Wspólny wniosek do KPO']}`, fela, {
    status: 'done',
  });
});

describe('work plan', () => {
  it('the pair reviews two actions on the plan-review step; the plan page names the meeting of each change', async () => {
    const board = boardListResponseSchema
      .parse(await call('GET', '/api/boards', admin()))
      .boards.find((candidate) => candidate.id === boardId);
    const laptop = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await laptop.addInitScript(polish);
    const fela = await joinBoard(
      laptop,
      board!.invites.facilitator,
      { name: 'Felicja Nowak', city: 'Warszawa', where: 'room' },
      { ready: { control: true } },
    );
    await fela.waitForFunction(() => window.__empiria!.currentStepId() === 'plan-review');
    if ((await fela.getByTestId('facilitator-console').count()) === 0) {
      await fela.getByTestId('console-toggle').click();
    }
    const panel = fela.getByTestId('plan-review');
    await panel.waitFor(SEEN);
    const rows = panel.getByTestId('plan-review-action');
    await expect.poll(() => rows.allTextContents()).toHaveLength(2);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('Mapa zieleni miejskiej');
    expect(texts[0]).toContain('Gdynia · 30.06.2027');
    expect(texts[1]).toContain('Ogrody deszczowe przy szkołach');
    expect(texts.join(' ')).not.toContain('Wspólny wniosek do KPO');
    await screenshot(fela, 'plan-review-console');

    await panel.getByLabel('Status: Mapa zieleni miejskiej').selectOption({ label: 'W trakcie' });
    await panel
      .getByTestId('plan-review-last')
      .filter({ hasText: '„Mapa zieleni miejskiej”: W trakcie' })
      .waitFor(SEEN);
    await panel.getByLabel('Status: Ogrody deszczowe przy szkołach').selectOption({ label: 'Zrobione' });
    await panel
      .getByTestId('plan-review-last')
      .filter({ hasText: '„Ogrody deszczowe przy szkołach”: Zrobione' })
      .waitFor(SEEN);
    // Done here, it stays in the list until the step ends, showing its new status.
    expect(await panel.getByLabel('Status: Ogrody deszczowe przy szkołach').inputValue()).toBe('done');
    await screenshot(fela, 'plan-review-console-changed');

    // The plan page, opened with Felicja's personal link: each change with this meeting.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await desk.addInitScript(polish);
    const page = await desk.newPage();
    await page.goto(links['Felicja Nowak'] ?? '');
    await page.getByTestId('home').waitFor(SEEN);
    await page.getByTestId('plan-link').first().click();
    await page.getByRole('heading', { name: 'Zielone miasta' }).waitFor(SEEN);
    for (const [title, from, to] of [
      ['Mapa zieleni miejskiej', 'Zaplanowane', 'W trakcie'],
      ['Ogrody deszczowe przy szkołach', 'Zaplanowane', 'Zrobione'],
    ] as const) {
      const item = page.locator(`[data-action-id="${ids[title]}"]`);
      await item
        .getByTestId('plan-reviewed-at')
        .filter({ hasText: `Przeglądane: „${MEETING}” (20.05.2099)` })
        .waitFor(SEEN);
      await item.locator('summary').click();
      const history = (await item.getByTestId('plan-history').textContent()) ?? '';
      expect(history).toContain(
        `Felicja Nowak zmienia status: ${from} → ${to} na spotkaniu „${MEETING}” (20.05.2099)`,
      );
      expect(await item.getByTestId('plan-status').inputValue()).toBe(
        to === 'W trakcie' ? 'in-progress' : 'done',
      );
    }
    // The server agrees: the reviewing meeting is recorded with each change.
    const plan = planResponseSchema.parse(
      await call('GET', `/api/networks/${networkId}/plan`, inviteToken(links['Ala Gdyńska'] ?? '')),
    );
    for (const title of ['Mapa zieleni miejskiej', 'Ogrody deszczowe przy szkołach']) {
      expect(plan.actions.find((a) => a.title === title)?.history.at(-1)?.meeting?.title).toBe(MEETING);
    }
    await page.locator('.plan-actions').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-page-actions-reviewed');

    // A section saved by the expert meanwhile: Felicja's save is refused, both texts are shown, nothing is lost.
    const goals = page.getByTestId('plan-section-goals');
    await goals.locator('textarea').fill('Każde miasto ma plan retencji do 2028 r.');
    await call('PUT', `/api/networks/${networkId}/plan`, inviteToken(links['Edward Zieliński'] ?? ''), {
      section: 'goals',
      text: 'Zielone dachy na budynkach publicznych.',
      baseRevision: 0,
    });
    await goals.getByRole('button', { name: 'Zapisz' }).click();
    await goals.getByTestId('plan-stale').waitFor(SEEN);
    expect(await goals.getByTestId('plan-theirs').textContent()).toBe(
      'Zielone dachy na budynkach publicznych.',
    );
    await goals.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-section-stale');
    // axe on the plan page with the merge open: no serious or critical violation.
    const staleViolations = await seriousViolations(page);
    expect(staleViolations, describeViolations(staleViolations)).toEqual([]);
    await goals.getByRole('button', { name: 'Dopisz ich tekst do mojego' }).click();
    await goals.getByRole('button', { name: 'Zapisz połączoną wersję' }).click();
    await goals.getByTestId('plan-stale').waitFor({ state: 'detached', ...SEEN });
    const saved = planResponseSchema.parse(await call('GET', `/api/networks/${networkId}/plan`, admin()));
    expect(saved.sections.find((s) => s.id === 'goals')).toMatchObject({
      text: 'Każde miasto ma plan retencji do 2028 r.\n\nZielone dachy na budynkach publicznych.',
      revision: 2,
    });

    // The pair changes an action: its deadline, through "Zmień".
    const kpo = page.locator(`[data-action-id="${ids['Wspólny wniosek do KPO']}"]`);
    await kpo.getByRole('button', { name: 'Zmień' }).click();
    await kpo.getByLabel('Termin').fill('2027-11-30');
    await kpo.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-action-edit');
    await kpo.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await kpo.getByText('Gdynia · 30.11.2027').waitFor(SEEN);
    const edited = planResponseSchema.parse(await call('GET', `/api/networks/${networkId}/plan`, admin()));
    expect(edited.actions.find((a) => a.id === ids['Wspólny wniosek do KPO'])?.deadline).toBe('2027-11-30');

    // Ala, a representative, reads the plan and sets only her city's actions' status.
    const phone = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.addInitScript(polish);
    const ala = await phone.newPage();
    await ala.goto(links['Ala Gdyńska'] ?? '');
    await ala.getByTestId('home').waitFor(SEEN);
    await ala.getByTestId('plan-link').click();
    await ala.getByRole('heading', { name: 'Zielone miasta' }).waitFor(SEEN);
    await ala.getByText('Czytasz plan.', { exact: false }).waitFor(SEEN);
    expect(
      await ala
        .locator(`[data-action-id="${ids['Mapa zieleni miejskiej']}"]`)
        .getByTestId('plan-status')
        .count(),
    ).toBe(1);
    expect(
      await ala
        .locator(`[data-action-id="${ids['Ogrody deszczowe przy szkołach']}"]`)
        .getByTestId('plan-status')
        .count(),
    ).toBe(0);
    expect(await ala.locator('textarea').count()).toBe(0);
    await screenshot(ala, 'plan-phone-representative');
    const phoneViolations = await seriousViolations(ala);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);

    expect(laptop.pageErrors()).toEqual([]);
    // The one refusal is the stale save, which the browser logs; the page handled it.
    expect(desk.pageErrors()).toEqual([
      'console.error: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    expect(phone.pageErrors()).toEqual([]);
    browser.assertNoForeignRequests(server.baseUrl);
  });
});
