import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  joinResponseSchema,
  planActionResponseSchema,
  planResponseSchema,
  planReviewResponseSchema,
  planSectionSavedResponseSchema,
  staleRevisionDetailsSchema,
} from '@empiria/shared';
import { apiCall, apiRequest, type ApiResponse } from '../support/api';
import { makePlanNetwork, type PlanNetwork } from '../support/plan-network';
import { serverPerFile } from '../support/server-per-file';

/**
 * The network's work plan (issue #13 item 1, rules W1–W5) against a real server: sections saved
 * with revisions (a stale save is 409 with the current text, nothing lost), actions owned by core
 * member cities, a representative setting her own city's action's status and refused another's,
 * another network's link refused, the review on a meeting's board recording its meeting, the Word
 * export.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } }).error?.code,
  }).toEqual({ status, code });
}

type Fixture = PlanNetwork;

const plan = (network: Fixture) => `/api/networks/${network.id}/plan`;
const actionResponse = planActionResponseSchema;

let green: Fixture;
let other: Fixture;

beforeAll(async () => {
  green = await makePlanNetwork(setup.server, 'Zielona');
  other = await makePlanNetwork(setup.server, 'Inna');
});

describe('work plan', () => {
  it('[W1] the pair writes a section; a save on an older revision is 409 stale_revision with the current text, and nothing is lost', async () => {
    const first = planSectionSavedResponseSchema.parse(
      await call('PUT', plan(green), green.token('Fela'), {
        section: 'goals',
        text: 'Każde miasto ma plan retencji.',
        baseRevision: 0,
      }),
    );
    expect(first.section).toMatchObject({ id: 'goals', revision: 1, updatedBy: 'Fela Zielona' });

    // Edward opened the section at revision 0 too, and saves after Fela.
    const stale = await request('PUT', plan(green), green.token('Edward'), {
      section: 'goals',
      text: 'Zielone dachy w każdym mieście.',
      baseRevision: 0,
    });
    expectError(stale, 409, 'stale_revision');
    const details = staleRevisionDetailsSchema.parse(
      (stale.body as { error: { details: unknown } }).error.details,
    );
    expect(details.current).toMatchObject({ text: 'Każde miasto ma plan retencji.', revision: 1 });

    // Fela's text is kept; Edward merges and saves on the revision he was shown.
    const read = planResponseSchema.parse(await call('GET', plan(green), green.token('Ala')));
    expect(read.sections.find((s) => s.id === 'goals')?.text).toBe('Każde miasto ma plan retencji.');
    const merged = planSectionSavedResponseSchema.parse(
      await call('PUT', plan(green), green.token('Edward'), {
        section: 'goals',
        text: 'Każde miasto ma plan retencji.\nZielone dachy w każdym mieście.',
        baseRevision: details.current.revision,
      }),
    );
    expect(merged.section.revision).toBe(2);
    expect(read.sections.map((s) => s.id)).toEqual([
      'composition',
      'resources',
      'partners',
      'challenges',
      'goals',
      'actions',
      'implementation',
      'sharing',
      'organisation',
    ]);
  });

  it('[W1][W2] an action without an owner city is 400 owner_required, an observer or foreign city 409 city_not_member; nothing is written', async () => {
    expectError(
      await request('POST', `${plan(green)}/actions`, green.token('Fela'), { title: 'Mapa zieleni' }),
      400,
      'owner_required',
    );
    expectError(
      await request('POST', `${plan(green)}/actions`, green.token('Fela'), {
        title: 'Mapa zieleni',
        ownerCityId: green.cities.Radom,
      }),
      409,
      'city_not_member',
    );
    expectError(
      await request('POST', `${plan(green)}/actions`, green.token('Fela'), {
        title: 'Mapa zieleni',
        ownerCityId: other.cities.Gdynia === green.cities.Gdynia ? 'nosuchcity01' : other.cities.Gdynia,
      }),
      409,
      'city_not_member',
    );
    expectError(
      await request('POST', `${plan(green)}/actions`, green.token('Fela'), {
        title: 'Mapa zieleni',
        ownerCityId: green.cities.Gdynia,
        deadline: '2027-02-30',
      }),
      400,
      'invalid_body',
    );
    const read = planResponseSchema.parse(await call('GET', plan(green), green.token('Fela')));
    expect(read.actions).toEqual([]);
  });

  it('[W3] a representative sets the status of her own city’s action, not another city’s, and changes nothing else', async () => {
    const gdynia = actionResponse.parse(
      await call('POST', `${plan(green)}/actions`, green.token('Fela'), {
        title: 'Mapa zieleni miejskiej',
        ownerCityId: green.cities.Gdynia,
        deadline: '2027-06-30',
      }),
    ).action;
    const plock = actionResponse.parse(
      await call('POST', `${plan(green)}/actions`, green.token('Edward'), {
        title: 'Ogrody deszczowe przy szkołach',
        ownerCityId: green.cities['Płock'],
      }),
    ).action;
    expect(gdynia).toMatchObject({ status: 'planned', ownerCity: 'Gdynia', deadline: '2027-06-30' });

    const mine = actionResponse.parse(
      await call('PATCH', `${plan(green)}/actions/${gdynia.id}`, green.token('Ala'), {
        status: 'in-progress',
      }),
    ).action;
    expect(mine.status).toBe('in-progress');
    expect(mine.history.map((h) => [h.by, h.from, h.to])).toEqual([
      ['Fela Zielona', null, 'planned'],
      ['Ala Zielona', 'planned', 'in-progress'],
    ]);

    expectError(
      await request('PATCH', `${plan(green)}/actions/${plock.id}`, green.token('Ala'), { status: 'done' }),
      403,
      'forbidden',
    );
    expectError(
      await request('PATCH', `${plan(green)}/actions/${gdynia.id}`, green.token('Ala'), { title: 'Inna' }),
      403,
      'forbidden',
    );
    // The organiser reads and changes nothing.
    expectError(
      await request('PATCH', `${plan(green)}/actions/${plock.id}`, green.token('Olga'), { status: 'done' }),
      403,
      'forbidden',
    );
    const read = planResponseSchema.parse(await call('GET', plan(green), green.token('Olga')));
    expect(read.actions.map((a) => [a.title, a.status])).toEqual([
      ['Mapa zieleni miejskiej', 'in-progress'],
      ['Ogrody deszczowe przy szkołach', 'planned'],
    ]);
    expect(read.viewer).toEqual({ canEdit: false, canWrite: false, statusCityIds: [], allCities: false });
    const alaView = planResponseSchema.parse(await call('GET', plan(green), green.token('Ala')));
    expect(alaView.viewer.statusCityIds).toEqual([green.cities.Gdynia]);
  });

  it('[W4][W5] an observer city does not see the plan; another network’s link is refused; the office reads and does not write', async () => {
    expectError(await request('GET', plan(green), green.token('Rita')), 403, 'forbidden');
    expectError(await request('GET', plan(green), other.token('Fela')), 403, 'forbidden');
    expectError(
      await request('PUT', plan(green), other.token('Fela'), {
        section: 'goals',
        text: 'x',
        baseRevision: 2,
      }),
      403,
      'forbidden',
    );
    expectError(
      await request('POST', `${plan(green)}/actions`, other.token('Fela'), {
        title: 'Przejęte',
        ownerCityId: green.cities.Gdynia,
      }),
      403,
      'forbidden',
    );
    const office = planResponseSchema.parse(await call('GET', plan(green), admin()));
    expect(office.actions).toHaveLength(2);
    expectError(
      await request('PUT', plan(green), admin(), { section: 'goals', text: 'x', baseRevision: 2 }),
      403,
      'forbidden',
    );
    // An action of one network is not found through another's plan.
    const own = planResponseSchema.parse(await call('GET', plan(green), admin())).actions[0];
    expectError(
      await request('PATCH', `${plan(other)}/actions/${own?.id}`, other.token('Fela'), { status: 'done' }),
      404,
      'not_found',
    );
  });

  it('the review on a meeting’s board: the pair sees the open actions and each status change is recorded with that meeting', async () => {
    const meeting = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
        title: 'Spotkanie 3 — przegląd planu',
        startsAt: '2099-05-20T10:00',
        mode: 'online',
        agenda: [
          { kind: 'plan-review', minutes: 30 },
          { kind: 'break', minutes: 15 },
        ],
      }),
    );
    const felaBoard = joinResponseSchema.parse(
      await call('POST', `/api/me/meetings/${meeting.id}/join`, green.token('Fela'), {}),
    ).sessionToken;
    const alaBoard = joinResponseSchema.parse(
      await call('POST', `/api/me/meetings/${meeting.id}/join`, green.token('Ala'), {}),
    ).sessionToken;
    const boardPlan = `/api/boards/${meeting.boardId}/plan`;

    const review = planReviewResponseSchema.parse(await call('GET', boardPlan, felaBoard));
    expect(review.meeting.title).toBe('Spotkanie 3 — przegląd planu');
    expect(review.actions.map((a) => a.title)).toEqual([
      'Mapa zieleni miejskiej',
      'Ogrody deszczowe przy szkołach',
    ]);
    // A participant of the board does not lead the review.
    expectError(await request('GET', boardPlan, alaBoard), 403, 'forbidden');

    const target = review.actions[1];
    const changed = actionResponse.parse(
      await call('PATCH', `${boardPlan}/actions/${target?.id}`, felaBoard, { status: 'done' }),
    ).action;
    expect(changed.history.at(-1)).toMatchObject({
      by: 'Fela Zielona',
      from: 'planned',
      to: 'done',
      meeting: { meetingId: meeting.id, title: 'Spotkanie 3 — przegląd planu' },
    });
    expect(changed.reviewedAt.map((m) => m.meetingId)).toEqual([meeting.id]);
    // Done at this meeting, it stays in this meeting's review.
    const again = planReviewResponseSchema.parse(await call('GET', boardPlan, felaBoard));
    expect(again.actions.map((a) => [a.title, a.status])).toContainEqual([
      'Ogrody deszczowe przy szkołach',
      'done',
    ]);
    expectError(
      await request('PATCH', `${boardPlan}/actions/${target?.id}`, felaBoard, { status: 'finished' }),
      400,
      'invalid_body',
    );
  });

  it('"propose from notes" with no approved note is 409 nothing_to_seed and leaves the sections as they were; a reader may not ask', async () => {
    const before = planResponseSchema.parse(await call('GET', plan(green), green.token('Fela'))).sections;
    expectError(await request('POST', `${plan(green)}/seed`, green.token('Fela')), 409, 'nothing_to_seed');
    expectError(await request('POST', `${plan(green)}/seed`, green.token('Ala')), 403, 'forbidden');
    const after = planResponseSchema.parse(await call('GET', plan(green), green.token('Fela'))).sections;
    expect(after).toEqual(before);
  });

  it('exports the plan as Word for those who read it', async () => {
    const response = await fetch(`${setup.server.baseUrl}${plan(green)}.docx`, {
      headers: { authorization: `Bearer ${green.token('Ala')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const refused = await fetch(`${setup.server.baseUrl}${plan(green)}.docx`, {
      headers: { authorization: `Bearer ${green.token('Rita')}` },
    });
    expect(refused.status).toBe(403);
  });
});
