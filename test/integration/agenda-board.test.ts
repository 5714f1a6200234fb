import { describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { agendaFormat, boardRecords, layoutFormat } from '@empiria/formats';
import {
  CANVAS_RECORDS_ARRAY,
  templateMetaOf,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  readControlState,
  type AdminBoard,
  type AgendaItemInput,
  type BoardAgenda,
} from '@empiria/shared';
import { apiCall, apiRequest, join } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

/**
 * A meeting's board is composed from its agenda (D16), against a real server: the board carries
 * the pinned agenda, its canvas holds one sheet per agenda item and its control document the
 * composed format; the agenda changes the board only until someone joins, then 409 board_in_use.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token: admin(), body });

const agenda: AgendaItemInput[] = [
  { kind: 'step', format: 'format-2', stepId: 'challenge' },
  { kind: 'step', format: 'format-2', stepId: 'barriers', minutes: 20 },
  { kind: 'break', title: '', minutes: 15 },
  { kind: 'expert-input', title: 'Wystąpienie: finansowanie z KPO', minutes: 20 },
  { kind: 'step', format: 'format-2', stepId: 'grouping' },
];
const pinned: BoardAgenda = [
  { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 15 },
  { kind: 'step', format: 'format-2', version: 1, stepId: 'barriers', minutes: 20 },
  { kind: 'break', title: '', minutes: 15 },
  { kind: 'expert-input', title: 'Wystąpienie: finansowanie z KPO', minutes: 20 },
  { kind: 'step', format: 'format-2', version: 1, stepId: 'grouping', minutes: 20 },
];

async function meetingBoard(
  title: string,
): Promise<{ networkId: string; meetingId: string; board: AdminBoard }> {
  const { id: networkId } = createdResponseSchema.parse(
    await call('POST', '/api/networks', { name: `Sieć ${title}`, theme: 'Finansowanie' }),
  );
  const created = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, {
      title,
      startsAt: '2027-03-15T10:00',
      mode: 'online',
      agenda,
    }),
  );
  const board = boardListResponseSchema
    .parse(await call('GET', '/api/boards'))
    .boards.find((candidate) => candidate.id === created.boardId);
  if (!board) throw new Error('the meeting’s board is not listed');
  return { networkId, meetingId: created.id, board };
}

function sheetIds(doc: Y.Doc): string[] {
  const kv = new YKeyValue<{ type?: string; x?: number; meta?: unknown }>(doc.getArray(CANVAS_RECORDS_ARRAY));
  return [...kv.map.values()]
    .map((entry) => entry.val)
    .filter((record) => record.type === 'frame' && templateMetaOf(record as never)?.part === 'sheet')
    .sort((a, b) => (a.x ?? 0) - (b.x ?? 0))
    .map((record) => templateMetaOf(record as never)?.stepId ?? '');
}

describe('a meeting’s board follows its agenda', () => {
  it('is made with the pinned agenda: one sheet per item in order, the composed format in control', async () => {
    const { board } = await meetingBoard('Spotkanie 2');
    expect(board.agenda).toEqual(pinned);
    expect(board.format).toBe('format-2');

    const person = await join(setup.server, board.id, board.invites.facilitator, 'Fela Nowak', 'Warszawa');
    expect(person.board.agenda).toEqual(pinned);
    const canvas = await connectDoc(setup.server, board.id, 'canvas', person.sessionToken);
    const control = await connectDoc(setup.server, board.id, 'control', person.sessionToken);
    try {
      const format = agendaFormat(pinned);
      expect(sheetIds(canvas.doc)).toEqual(['challenge', 'barriers', 'break', 'expert-input', 'grouping']);
      const kv = new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
      expect([...kv.map.keys()].sort()).toEqual(
        boardRecords(layoutFormat(format), format.name, 'pl')
          .map((record) => record.id)
          .sort(),
      );
      const state = readControlState(control.doc);
      expect(state.format).toEqual({ id: 'agenda', version: 1 });
      expect(state.step).toMatchObject({ index: 0, id: 'challenge' });
    } finally {
      canvas.destroy();
      control.destroy();
    }
  });

  it('a changed agenda rewrites the board while nobody has joined; once someone has, 409 board_in_use and nothing changes', async () => {
    const { networkId, meetingId, board } = await meetingBoard('Spotkanie 3');
    const shorter: AgendaItemInput[] = [
      { kind: 'free-discussion', title: '', minutes: 30 },
      { kind: 'step', format: 'format-2', stepId: 'solutions' },
    ];
    const changed = await call('PATCH', `/api/networks/${networkId}/meetings/${meetingId}`, {
      agenda: shorter,
    });
    expect(changed).toMatchObject({
      meeting: { agenda: [{ kind: 'free-discussion' }, { stepId: 'solutions' }] },
    });

    const person = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    expect(person.board.agenda).toEqual([
      { kind: 'free-discussion', title: '', minutes: 30 },
      { kind: 'step', format: 'format-2', version: 1, stepId: 'solutions', minutes: 40 },
    ]);
    const canvas = await connectDoc(setup.server, board.id, 'canvas', person.sessionToken);
    const control = await connectDoc(setup.server, board.id, 'control', person.sessionToken);
    try {
      expect(sheetIds(canvas.doc)).toEqual(['free-discussion', 'solutions']);
      expect(readControlState(control.doc).step).toMatchObject({ index: 0, id: 'free-discussion' });
    } finally {
      canvas.destroy();
      control.destroy();
    }

    const refused = await apiRequest(
      setup.server,
      'PATCH',
      `/api/networks/${networkId}/meetings/${meetingId}`,
      {
        token: admin(),
        body: { agenda, room: 'Sala 5' },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'board_in_use' } });
    const meeting = await call('GET', `/api/networks/${networkId}/meetings/${meetingId}`);
    expect(meeting).toMatchObject({
      meeting: { room: '', agenda: [{ kind: 'free-discussion' }, { stepId: 'solutions' }] },
    });
    const after = boardListResponseSchema
      .parse(await call('GET', '/api/boards'))
      .boards.find((b) => b.id === board.id);
    expect(after?.agenda).toHaveLength(2);
    // The same agenda again is no change of the board: other fields still change.
    const practical = await call('PATCH', `/api/networks/${networkId}/meetings/${meetingId}`, {
      agenda: shorter,
      room: 'Sala 5',
    });
    expect(practical).toMatchObject({ meeting: { room: 'Sala 5' } });
  });

  it('opening with Format 0’s welcome, has the agenda written on its "Agenda" zone, one note per item', async () => {
    const { id: networkId } = createdResponseSchema.parse(
      await call('POST', '/api/networks', { name: 'Sieć z powitaniem', theme: 'Start' }),
    );
    const created = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${networkId}/meetings`, {
        title: 'Spotkanie 1',
        startsAt: '2027-03-15T10:00',
        mode: 'online',
        agenda: [
          { kind: 'step', format: 'format-0', stepId: 'welcome' },
          { kind: 'expert-input', title: 'Cyfrowe usługi w Norwegii', minutes: 45 },
          { kind: 'break', title: '', minutes: 30 },
          { kind: 'step', format: 'format-0', stepId: 'contract' },
        ],
      }),
    );
    const board = boardListResponseSchema
      .parse(await call('GET', '/api/boards'))
      .boards.find((candidate) => candidate.id === created.boardId)!;
    const person = await join(setup.server, board.id, board.invites.facilitator, 'Fela Nowak', 'Warszawa');
    const canvas = await connectDoc(setup.server, board.id, 'canvas', person.sessionToken);
    try {
      const kv = new YKeyValue<{
        id?: string;
        type?: string;
        meta?: { empiria?: Record<string, unknown> };
        props?: unknown;
      }>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
      const notes = [...kv.map.values()]
        .map((entry) => entry.val)
        .filter((record) => record.type === 'note' && record.meta?.empiria?.agendaItem === true)
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(notes.map((note) => JSON.stringify(note.props))).toEqual([
        expect.stringContaining('Powitanie i agenda · 15 min'),
        expect.stringContaining('Cyfrowe usługi w Norwegii · 45 min'),
        expect.stringContaining('Przerwa · 30 min'),
        expect.stringContaining(' · '),
      ]);
      for (const note of notes) {
        expect(note.meta?.empiria?.zone).toEqual({ stepId: 'welcome', zoneId: 'agenda' });
        // Nobody's: no author, so no city's colour.
        expect(note.meta?.empiria?.author).toBeUndefined();
      }
    } finally {
      canvas.destroy();
    }
  });
});
