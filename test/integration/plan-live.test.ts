import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  PLAN_SECTION_MAX,
  PLAN_SECTIONS,
  planResponseSchema,
  planSectionText,
  readPlanTexts,
  replaceSectionText,
  roomPath,
} from '@empiria/shared';
import { apiCall, createBoard, join } from '../support/api';
import { makePlanNetwork, type PlanNetwork } from '../support/plan-network';
import { rawSocket } from '../support/raw-socket';
import { serverPerFile } from '../support/server-per-file';
import { connectRoom, type DocConnection } from '../support/yjs-client';

/**
 * The work plan written together, live ([W6], decision D19): the network's room
 * `/ws/networks/<id>/plan` against a real server — who may open it, two writers in one section,
 * the API reading and writing the same text, refused updates, the limit, and a restart.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
let green: PlanNetwork;
let other: PlanNetwork;
const open: DocConnection[] = [];

beforeAll(async () => {
  green = await makePlanNetwork(setup.server, 'Zielona');
  other = await makePlanNetwork(setup.server, 'Inna');
});
afterAll(async () => {
  for (const connection of open) connection.destroy();
});

const planRoom = (network: PlanNetwork) => ({ networkId: network.id, doc: 'plan' as const });
const planUrl = (network: PlanNetwork) => `/api/networks/${network.id}/plan`;

async function openPlan(network: PlanNetwork, who: string): Promise<DocConnection> {
  const connection = await connectRoom(setup.server, planRoom(network), network.token(who));
  open.push(connection);
  return connection;
}

const sectionOf = (connection: DocConnection, id: (typeof PLAN_SECTIONS)[number]) => {
  const text = planSectionText(connection.doc, id);
  if (!text) throw new Error(`no section ${id} in the plan's document`);
  return text;
};

async function upgradeStatus(path: string, token?: string): Promise<string> {
  const url = `${setup.server.wsBase.replace(/\/ws$/, '')}${path}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  const socket = rawSocket(url, setup.server.baseUrl);
  try {
    await socket.opened;
    socket.ws.close();
    return 'open';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the work plan, written together', () => {
  it('[W6] opens for the pair and the core cities, with all nine sections; nobody else gets in', async () => {
    const fela = await openPlan(green, 'Fela');
    expect([...fela.doc.getMap('sections').keys()].sort()).toEqual([...PLAN_SECTIONS].sort());
    const path = roomPath(planRoom(green));
    expect(await upgradeStatus(path, green.token('Ala'))).toBe('open');
    expect(await upgradeStatus(path, green.token('Piotr'))).toBe('open');
    expect(await upgradeStatus(path, green.token('Olga'))).toBe('HTTP 403'); // the organiser reads
    expect(await upgradeStatus(path, green.token('Rita'))).toBe('HTTP 403'); // an observer city
    expect(await upgradeStatus(path, other.token('Fela'))).toBe('HTTP 403'); // another network's link
    expect(await upgradeStatus(path, setup.server.adminToken)).toBe('HTTP 401'); // the office reads via the API
    expect(await upgradeStatus(path)).toBe('HTTP 401');
    expect(await upgradeStatus(path, 'not-a-token')).toBe('HTTP 401');
    expect(await upgradeStatus(`/ws/networks/${green.id}/canvas`, green.token('Fela'))).toBe('HTTP 404');
    // A board's session does not open a network's room.
    const board = await createBoard(setup.server, 'Tablica');
    const session = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    expect(await upgradeStatus(path, session.sessionToken)).toBe('HTTP 401');
  });

  it('two people type in one section at once and both keep their words; the API reads who wrote last', async () => {
    const fela = await openPlan(green, 'Fela');
    const ala = await openPlan(green, 'Ala');
    const goals = sectionOf(fela, 'goals');
    goals.insert(0, 'Każde miasto ma plan retencji.');
    await ala.waitFor((doc) => readPlanTexts(doc).goals === 'Każde miasto ma plan retencji.');
    // Both type at the same moment: Fela at the end, Ala at the start.
    sectionOf(fela, 'goals').insert(goals.length, ' Do 2027.');
    sectionOf(ala, 'goals').insert(0, 'Cel: ');
    const both = 'Cel: Każde miasto ma plan retencji. Do 2027.';
    await fela.waitFor((doc) => readPlanTexts(doc).goals === both, 10_000, 'both edits at Fela');
    await ala.waitFor((doc) => readPlanTexts(doc).goals === both, 10_000, 'both edits at Ala');

    // The API flushes what waits for a pause in typing before it answers.
    const read = planResponseSchema.parse(
      await apiCall(setup.server, 'GET', planUrl(green), { token: green.token('Olga') }),
    );
    const section = read.sections.find((s) => s.id === 'goals');
    expect(section?.text).toBe(both);
    expect(section?.updatedBy).toMatch(/^(Fela|Ala) Zielona$/);
    expect(section?.revision).toBeGreaterThan(0);
    expect(read.viewer).toMatchObject({ canWrite: false });
  });

  it('a save through the API reaches everyone typing, at once', async () => {
    const ala = await openPlan(green, 'Ala');
    const read = planResponseSchema.parse(
      await apiCall(setup.server, 'GET', planUrl(green), { token: green.token('Ala') }),
    );
    expect(read.viewer).toMatchObject({ canEdit: false, canWrite: true });
    const partners = read.sections.find((s) => s.id === 'partners');
    await apiCall(setup.server, 'PUT', planUrl(green), {
      token: green.token('Ala'),
      body: { section: 'partners', text: 'Politechnika Gdańska', baseRevision: partners?.revision ?? 0 },
    });
    await ala.waitFor((doc) => readPlanTexts(doc).partners === 'Politechnika Gdańska');
  });

  it('refuses an update that creates a section or formats its text, whole, and keeps the document readable', async () => {
    const piotr = await openPlan(green, 'Piotr');
    const before = readPlanTexts(piotr.doc);
    const closed = piotr.nextClose();
    piotr.doc.getMap('sections').set('evil', new Y.Text('x'));
    expect((await closed).code).toBe(CloseCode.updateRefused);

    const again = await openPlan(green, 'Piotr');
    expect(again.doc.getMap('sections').has('evil')).toBe(false);
    expect(readPlanTexts(again.doc)).toEqual(before);
    const closedAgain = again.nextClose();
    sectionOf(again, 'goals').format(0, 3, { bold: true });
    expect((await closedAgain).code).toBe(CloseCode.updateRefused);

    const check = await openPlan(green, 'Fela');
    expect(readPlanTexts(check.doc)).toEqual(before);
  });

  it('cuts a section at the limit for everyone, however the text got there', async () => {
    const fela = await openPlan(green, 'Fela');
    const ala = await openPlan(green, 'Ala');
    replaceSectionText(sectionOf(fela, 'sharing'), 'a'.repeat(PLAN_SECTION_MAX - 5));
    await ala.waitFor((doc) => readPlanTexts(doc).sharing.length === PLAN_SECTION_MAX - 5);
    // Each adds less than the limit allows alone; together they pass it.
    sectionOf(fela, 'sharing').insert(0, 'b'.repeat(4));
    sectionOf(ala, 'sharing').insert(0, 'c'.repeat(4));
    await fela.waitFor((doc) => readPlanTexts(doc).sharing.length === PLAN_SECTION_MAX, 10_000, 'the cut');
    await ala.waitFor((doc) => readPlanTexts(doc).sharing.length === PLAN_SECTION_MAX, 10_000, 'the cut');
  });

  it('keeps every word across a restart', async () => {
    const fela = await openPlan(green, 'Fela');
    replaceSectionText(sectionOf(fela, 'organisation'), 'Spotkania co kwartał, 2 dni.');
    const expected = readPlanTexts(fela.doc);
    // Sent once the server has it: Ala sees it.
    const ala = await openPlan(green, 'Ala');
    await ala.waitFor((doc) => readPlanTexts(doc).organisation === 'Spotkania co kwartał, 2 dni.');
    for (const connection of open.splice(0)) connection.destroy();
    await setup.restartServer();
    const back = await openPlan(green, 'Ala');
    expect(readPlanTexts(back.doc)).toEqual(expected);
    const read = planResponseSchema.parse(
      await apiCall(setup.server, 'GET', planUrl(green), { token: green.token('Olga') }),
    );
    expect(read.sections.find((s) => s.id === 'organisation')?.text).toBe('Spotkania co kwartał, 2 dni.');
  });
});
