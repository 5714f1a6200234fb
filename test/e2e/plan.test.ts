/**
 * The network's work plan in Chromium (issue #13 item 1): the pair reviews two actions of the plan
 * in a meeting — the "Przegląd planu pracy" step of the agenda shows the open actions in the
 * facilitator's console, and each status change is saved at once — and the plan page then names
 * that meeting beside each change. On the plan page, the facilitator (laptop) and a core city's
 * representative (phone) write one section at once and each sees the other's words and name; a
 * save through the API lands on both screens ([W6]). Screenshots plan-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
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
import { screenshot } from '../support/browser';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

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
    const laptop = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
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
    const desk = await setup.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
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

    // Ala, a representative of a core city, opens the plan on her phone: she writes the sections
    // with the pair ([W6]), live.
    const phone = await setup.browser.newContext({
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

    // Both write in "Cele" at once: each sees the other's words, and who is writing there.
    const felaGoals = page.getByTestId('plan-text-goals');
    const alaGoals = ala.getByTestId('plan-text-goals');
    await felaGoals.waitFor(SEEN);
    await alaGoals.waitFor(SEEN);
    await page.getByTestId('connection-status').and(page.locator('[data-status="connected"]')).waitFor(SEEN);
    await felaGoals.click();
    await felaGoals.pressSequentially('Każde miasto ma plan retencji.', { delay: 10 });
    await expect.poll(() => alaGoals.inputValue()).toBe('Każde miasto ma plan retencji.');
    await alaGoals.click();
    await alaGoals.press('End');
    await alaGoals.pressSequentially(' Gdynia: do 2027.', { delay: 10 });
    await page.keyboard.press('Home');
    await page.keyboard.type('Cel: ', { delay: 10 });
    const both = 'Cel: Każde miasto ma plan retencji. Gdynia: do 2027.';
    await expect.poll(() => felaGoals.inputValue()).toBe(both);
    await expect.poll(() => alaGoals.inputValue()).toBe(both);
    await page
      .getByTestId('plan-section-goals')
      .getByTestId('plan-writers')
      .filter({ hasText: 'Ala Gdyńska' })
      .waitFor(SEEN);
    await ala
      .getByTestId('plan-section-goals')
      .getByTestId('plan-writers')
      .filter({ hasText: 'Felicja Nowak' })
      .waitFor(SEEN);
    await page.getByTestId('plan-section-goals').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-section-together');
    await ala.getByTestId('plan-section-goals').scrollIntoViewIfNeeded();
    await screenshot(ala, 'plan-section-together-phone');

    // The expert saves "Partnerzy lokalni" through the API meanwhile: it lands on both screens.
    await call('PUT', `/api/networks/${networkId}/plan`, inviteToken(links['Edward Zieliński'] ?? ''), {
      section: 'partners',
      text: 'Politechnika Gdańska; Wody Polskie.',
      baseRevision: 0,
    });
    await expect
      .poll(() => page.getByTestId('plan-text-partners').inputValue())
      .toBe('Politechnika Gdańska; Wody Polskie.');
    await expect
      .poll(() => ala.getByTestId('plan-text-partners').inputValue())
      .toBe('Politechnika Gdańska; Wody Polskie.');
    // The server's copy has both writers' words, nothing lost.
    const saved = planResponseSchema.parse(await call('GET', `/api/networks/${networkId}/plan`, admin()));
    expect(saved.sections.find((s) => s.id === 'goals')?.text).toBe(both);
    // axe on the plan page while two people write: no serious or critical violation.
    const liveViolations = await seriousViolations(page);
    expect(liveViolations, describeViolations(liveViolations)).toEqual([]);
    // A reload shows what was written, from the server.
    await page.reload();
    await expect.poll(() => page.getByTestId('plan-text-goals').inputValue()).toBe(both);

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

    // Ala sets only her city's actions' status.
    await ala.reload();
    await ala.getByRole('heading', { name: 'Zielone miasta' }).waitFor(SEEN);
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
    // She writes the sections, but adds no action: that is the pair's.
    await ala.getByTestId('plan-text-goals').waitFor(SEEN);
    expect(await ala.getByRole('button', { name: 'Dodaj działanie' }).count()).toBe(0);
    await screenshot(ala, 'plan-phone-representative');
    const phoneViolations = await seriousViolations(ala);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);

    expect(laptop.pageErrors()).toEqual([]);
    expect(desk.pageErrors()).toEqual([]);
    expect(phone.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
