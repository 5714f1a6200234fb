import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { estimatedNoteGrowY, layoutFormat, layoutRevealedNotes, occupiedRects } from '@empiria/formats';
import {
  cityNoteColor,
  type AgendaItemInput,
  type Identity,
  type Location,
  type Role,
} from '@empiria/shared';
import type { AttendanceStore } from '../boards/attendance-store';
import type { BoardService } from '../boards/board-service';
import { addCanvasRecords, readCanvasRecords, topPageIndex } from '../canvas/canvas-records';
import { noteRecord } from '../canvas/note-record';
import type { NetworkServices } from '../networks/network-services';
import { warsawLocalTime } from '../networks/warsaw-time';
import type { BoardRepository } from '../storage/board-repository';
import type { SummaryServices } from '../summary/summary-services';
import type { PeerSocket } from '../sync/peer-socket';
import type { RoomRegistry } from '../sync/room-registry';
import { DEMO_MARKER, DEMO_NETWORKS, demoPeople, type DemoNetwork } from './demo-networks';
import { DomainError } from '../domain-error';
import { formatOfBoard } from '../boards/board-format';

export interface DemoServices {
  networks: NetworkServices;
  boards: BoardService;
  registry: RoomRegistry;
  summary: SummaryServices;
  attendance: AttendanceStore;
  /** The boards' links: the demo joins its people through them, as a browser would. */
  repo: BoardRepository;
}

/**
 * A representative "in the room" for the approval round: the approval counts the city
 * representatives connected to the board when the note is frozen, so the demo connects each one
 * the way a browser would, through the registry, with a socket that has nobody to send to.
 */
class ScriptedPresence implements PeerSocket {
  readonly bufferedAmount = 0;
  send(): void {}
  sendAll(): void {}
  close(): void {}
}

const PAST_AGENDA: AgendaItemInput[] = [
  { kind: 'step', format: 'format-2', stepId: 'challenge' },
  { kind: 'step', format: 'format-2', stepId: 'barriers' },
  { kind: 'break', title: '', minutes: 20 },
  { kind: 'expert-input', title: '', minutes: 45 },
  { kind: 'step', format: 'format-2', stepId: 'approval' },
];
const NEXT_AGENDA: AgendaItemInput[] = [
  { kind: 'step', format: 'format-2', stepId: 'priorities' },
  { kind: 'step', format: 'format-2', stepId: 'solutions' },
  { kind: 'break', title: '', minutes: 30 },
  { kind: 'funding-calls', title: '', minutes: 40 },
  { kind: 'step', format: 'format-2', stepId: 'approval' },
];

/**
 * Loads the eight demo networks through the real services, so every rule of the networks holds.
 * The networks, their cities and people are one transaction: all of them or none. Boards
 * are Yjs documents outside that transaction, so the meetings come after, network by network;
 * if one fails the networks stay and the error names the network whose meetings are missing.
 */
export async function loadDemo(services: DemoServices, now = new Date()): Promise<{ networks: number }> {
  const { networks } = services.networks;
  if ((await networks.list()).some((network) => network.description.startsWith(DEMO_MARKER))) {
    throw new DomainError('conflict', 'demo_loaded', 'The demo data is already loaded.');
  }
  const created = await networks.transaction(async (tx) => {
    const made: { demo: DemoNetwork; networkId: string }[] = [];
    for (const [index, demo] of DEMO_NETWORKS.entries()) {
      const people = demoPeople(demo, index);
      const staff = (role: string) => {
        const person = people.find((p) => p.role === role);
        return person ? { name: person.name, email: person.email } : undefined;
      };
      const network = await tx.create({
        name: demo.name,
        theme: demo.theme,
        description: `${DEMO_MARKER} ${demo.description}`,
        facilitator: staff('facilitator'),
        experts: [staff('expert')].filter((p) => p !== undefined),
        organiser: staff('organiser'),
      });
      for (const member of demo.cities) await tx.addMember(network.id, member.name, member.membership, now);
      for (const person of people.filter((p) => p.role === 'representative')) {
        await tx.addPerson(network.id, { ...person, city: person.city ?? undefined }, now);
      }
      made.push({ demo, networkId: network.id });
    }
    return made;
  });

  for (const { demo, networkId } of created) {
    try {
      await pastMeeting(services, demo, networkId, now);
      await plannedMeeting(services, demo, networkId, now);
    } catch (error) {
      // The server's failure, not the office's: answered 500 and logged with the cause.
      throw new DomainError(
        'failed',
        'demo_failed',
        `The demo networks are stored, but the meetings of "${demo.name}" and of the networks after it are not: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
  return { networks: created.length };
}

/** The instant a Warsaw wall-clock time names (the zone's offset that day, +1 or +2 hours). */
export function warsawInstant(localDateTime: string): Date {
  const asUtc = Date.parse(`${localDateTime}:00Z`);
  const offset = Date.parse(`${warsawLocalTime(new Date(asUtc))}:00Z`) - asUtc;
  return new Date(asUtc - offset);
}

/** A date `days` from now at `time`, on the Warsaw wall clock. */
function warsawDay(now: Date, days: number, time: string): string {
  return `${warsawLocalTime(new Date(now.getTime() + days * 86_400_000)).slice(0, 10)}T${time}`;
}

/** Last month's meeting: the challenge and barriers on its board, drafted into the note, approved. */
async function pastMeeting(services: DemoServices, demo: DemoNetwork, networkId: string, now: Date) {
  const { networks, meetings } = services.networks;
  const host = demo.cities[0]?.name ?? null;
  const meeting = await meetings.create(networkId, {
    title: `Spotkanie 1: ${demo.challenge.replace(/\?$/, '')}`,
    startsAt: warsawDay(now, -30, '10:00'),
    mode: 'in-person',
    hostCity: host,
    venue: `Urząd Miasta ${host ?? ''}`.trim(),
    room: 'Sala sesyjna',
    cateringNotes: 'Kawa i obiad dla 30 osób',
    agenda: PAST_AGENDA,
  });
  const board = await services.boards.get(meeting.boardId);
  if (!board) throw new Error(`the board of ${meeting.title} is missing`);
  const startedAt = warsawInstant(meeting.startsAt);
  const endedAt = warsawInstant(meeting.endsAt);
  const answeredAt = new Date(startedAt.getTime() - 7 * 86_400_000);

  // Who came (III.1): most cities in the room, a few online, every fifth city not at all; each
  // answers their invitation, joins the board as the join route does, and is on the attendance.
  const invites = await services.repo.activeInvites(board.id);
  const inviteOf = (role: Role) => {
    const invite = invites.find((candidate) => candidate.role === role);
    if (!invite) throw new Error(`the board has no ${role} link`);
    return invite.id;
  };
  const participantInvite = inviteOf('participant');
  const joinAs = async (role: Role, person: { name: string; city: string | null }, where: Location) => {
    const { identity } = await services.boards.join(
      board.id,
      role,
      inviteOf(role),
      { name: person.name, city: person.city ?? 'ZMP' },
      startedAt,
    );
    await services.attendance.record(board.id, { ...identity, where }, startedAt.getTime());
    return identity;
  };
  const people = await networks.people(networkId, false);
  for (const person of people) {
    if (person.role === 'facilitator' || person.role === 'expert') await joinAs(person.role, person, 'room');
  }
  const present: Identity[] = [];
  for (const [cityIndex, member] of demo.cities.entries()) {
    const representatives = people.filter((p) => p.role === 'representative' && p.city === member.name);
    for (const [i, person] of representatives.entries()) {
      const absent = cityIndex % 5 === 4 || i === 2;
      const where: Location = cityIndex % 3 === 1 && i === 1 ? 'online' : 'room';
      const answer = absent ? 'cannot-come' : where === 'online' ? 'online' : 'in-person';
      await meetings.answer(networkId, meeting.id, person.id, answer, null, answeredAt);
      if (!absent) present.push(await joinAs('participant', person, where));
    }
  }
  if (present.length === 0) throw new Error('nobody came to the demo meeting');

  // The notes the room wrote, laid into their zones as the reveal of private writing lays them.
  const written = [
    { stepId: 'challenge', zoneId: 'statement', text: demo.challenge },
    ...demo.facts.map((text) => ({ stepId: 'challenge', zoneId: 'facts', text })),
    ...demo.barriers.map((text) => ({ stepId: 'barriers', zoneId: 'barriers', text })),
  ];
  const layout = layoutFormat(formatOfBoard(board));
  const notes = written.map((note, i) => {
    const sheet = layout.sheets.find(
      (s) => s.stepId === note.stepId || s.stepId.startsWith(`${note.stepId}-`),
    );
    const zone = sheet?.zones.find((z) => z.zoneId === note.zoneId);
    if (!zone) throw new Error(`the board has no zone ${note.stepId}/${note.zoneId}`);
    const author = present[i % present.length] as Identity;
    return {
      id: `shape:demo${i}${board.id.slice(0, 6)}`,
      text: note.text,
      x: zone.body.x + zone.body.w / 2 - 100,
      y: zone.body.y + zone.body.h / 2 - 100,
      // No screen measured these: laid out and written at the server's estimate (D54).
      growY: estimatedNoteGrowY(note.text),
      author: { id: author.id, name: author.name, city: author.city },
    };
  });
  await services.registry.room({ boardId: board.id, doc: 'canvas' }).transact((doc) => {
    const existing = readCanvasRecords(doc);
    const indices = getIndicesAbove(topPageIndex(existing), notes.length);
    const places = layoutRevealedNotes(layout, notes, occupiedRects(existing.values()));
    addCanvasRecords(
      doc,
      notes.map((note, i) => {
        const { x, y, scale, hit } = places[i]!;
        return noteRecord({
          id: note.id,
          text: note.text,
          x,
          y,
          scale,
          growY: note.growY,
          index: indices[i] as IndexKey,
          color: cityNoteColor(note.author.city),
          author: note.author,
          extraMeta: hit
            ? {
                zone: {
                  stepId: hit.stepId,
                  zoneId: hit.zoneId,
                  ...(hit.cellId ? { cellId: hit.cellId } : {}),
                },
              }
            : {},
        });
      }),
    );
  });

  await services.summary.drafts.draft(board, endedAt, 'pl');
  const connections = present.map((identity) =>
    services.registry.connect(
      new ScriptedPresence(),
      { boardId: board.id, doc: 'summary' },
      identity,
      participantInvite,
    ),
  );
  try {
    // The round at the meeting's last agenda item; each representative approves a minute apart.
    const roundAt = endedAt.getTime() - 15 * 60_000;
    const round = await services.summary.approvals.freeze(board.id, 'consent', roundAt);
    let state = round;
    for (const [i, identity] of present.entries()) {
      state = await services.summary.approvals.decide(
        board.id,
        identity,
        { versionId: round.versionId, decision: 'approve' },
        roundAt + (i + 1) * 20_000,
      );
    }
    if (state.status !== 'approved') throw new Error(`the note of ${meeting.title} was not approved`);
  } finally {
    for (const connection of connections) connection.close(1000, 'demo loaded');
  }
}

/** Next month's meeting, hybrid, in the city that hosted least often. */
async function plannedMeeting(services: DemoServices, demo: DemoNetwork, networkId: string, now: Date) {
  const { meetings } = services.networks;
  const host = (await meetings.suggestHost(networkId)).city ?? demo.cities[1]?.name ?? null;
  await meetings.create(networkId, {
    title: 'Spotkanie 2: szukamy rozwiązań',
    startsAt: warsawDay(now, 30, '10:00'),
    mode: 'hybrid',
    hostCity: host,
    venue: `Urząd Miasta ${host ?? ''}`.trim(),
    room: 'Sala konferencyjna',
    cateringNotes: '',
    agenda: NEXT_AGENDA,
  });
}
