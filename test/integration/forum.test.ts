import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  forumCreatedResponseSchema,
  forumResponseSchema,
  forumThreadResponseSchema,
  forumUnreadResponseSchema,
  meetingSchema,
  networkDetailSchema,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, createBoard, inviteToken, type ApiResponse } from '../support/api';
import { serverPerFile } from '../support/server-per-file';

/**
 * The network forum (issue #12 item 5, rules F1–F5) against a real server: an observer city's
 * need turned into an agenda item that the meeting's agenda then holds, another network's link
 * refused, bounded sizes, moderation that serves a hidden post to nobody else, unread counts.
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

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
}

/** A network with its pair and organiser, a core city (Gdynia) and an observer city (Radom). */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: `Fela ${name}` },
      experts: [{ name: `Edward ${name}` }],
      organiser: { name: `Olga ${name}` },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  for (const [person, city] of [
    [`Ala ${name}`, 'Gdynia'],
    [`Rita ${name}`, 'Radom'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), { name: person, city, role: 'representative' });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  return { id, people, token: (who) => inviteToken(people[who]?.link ?? '') };
}

const forum = (network: Fixture) => `/api/networks/${network.id}/forum`;

let green: Fixture;
let other: Fixture;
let meetingId: string;

beforeAll(async () => {
  green = await makeNetwork('Zielona');
  other = await makeNetwork('Inna');
  meetingId = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
      title: 'Spotkanie 2 — zieleń',
      startsAt: '2099-05-20T10:00',
      mode: 'online',
      agenda: [
        { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 60 },
        { kind: 'break', minutes: 15 },
      ],
    }),
  ).id;
});

describe('network forum', () => {
  let needId: string;

  it('[F1] an observer city posts a need; everyone of the network reads it, with author and city', async () => {
    const created = forumCreatedResponseSchema.parse(
      await call('POST', `${forum(green)}/threads`, green.token('Rita'), {
        kind: 'need',
        title: '  Jak finansować   łąki kwietne? ',
        body: 'Szukamy przykładów, zob. https://zmp.pl/laki <b>nie HTML</b>',
      }),
    );
    needId = created.threadId;
    for (const who of ['Fela', 'Edward', 'Olga', 'Ala', 'Rita']) {
      const list = forumResponseSchema.parse(await call('GET', forum(green), green.token(who)));
      expect(list.threads.map((t) => [t.kind, t.title])).toEqual([['need', 'Jak finansować łąki kwietne?']]);
      expect(list.threads[0]?.author).toMatchObject({ name: 'Rita Zielona', city: 'Radom', observer: true });
    }
    const thread = forumThreadResponseSchema.parse(
      await call('GET', `${forum(green)}/threads/${needId}`, green.token('Ala')),
    );
    // Stored and served as typed: plain text, never HTML.
    expect(thread.posts.map((p) => p.body)).toEqual([
      'Szukamy przykładów, zob. https://zmp.pl/laki <b>nie HTML</b>',
    ]);
    // The office reads every forum but posts under no name.
    const office = forumResponseSchema.parse(await call('GET', forum(green), admin()));
    expect(office.viewer).toEqual({ personId: null, canPost: false, canModerate: true, canConvert: false });
    expect(office.threads).toHaveLength(1);
    expectError(
      await request('POST', `${forum(green)}/threads`, admin(), { kind: 'question', title: 'x', body: 'y' }),
      403,
      'forbidden',
    );
  });

  it('[F1][N5] another network’s person is refused (403), a board link too, no token is 401', async () => {
    expectError(await request('GET', forum(green), other.token('Fela')), 403, 'forbidden');
    expectError(
      await request('GET', `${forum(green)}/threads/${needId}`, other.token('Rita')),
      403,
      'forbidden',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/posts`, other.token('Ala'), { body: 'hej' }),
      403,
      'forbidden',
    );
    // Another network's thread under one's own network's path: not there.
    expectError(
      await request('GET', `${forum(other)}/threads/${needId}`, other.token('Ala')),
      404,
      'not_found',
    );
    const board = await createBoard(setup.server, 'Zwykła tablica');
    expectError(await request('GET', forum(green), inviteToken(board.invites.facilitator)), 403, 'forbidden');
    expectError(await request('GET', forum(green), undefined), 401, 'unauthorized');
  });

  it('[F2] sizes are bounded: a long title or body is 400 with nothing written; a huge body 413', async () => {
    const before = forumResponseSchema.parse(await call('GET', forum(green), admin())).threads.length;
    expectError(
      await request('POST', `${forum(green)}/threads`, green.token('Ala'), {
        kind: 'material',
        title: 'x'.repeat(201),
        body: 'ok',
      }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${forum(green)}/threads`, green.token('Ala'), {
        kind: 'material',
        title: 'Materiały',
        body: 'x'.repeat(10_001),
      }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${forum(green)}/threads`, green.token('Ala'), {
        kind: 'poll',
        title: 'a',
        body: 'b',
      }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/posts`, green.token('Ala'), { body: '   ' }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/posts`, green.token('Ala'), {
        body: 'x'.repeat(70_000),
      }),
      413,
      'payload_too_large',
    );
    // Exactly at the bounds is accepted.
    expect(
      (
        await request('POST', `${forum(green)}/threads`, green.token('Ala'), {
          kind: 'material',
          title: 'm'.repeat(200),
          body: 'b'.repeat(10_000),
        })
      ).status,
    ).toBe(201);
    const after = forumResponseSchema.parse(await call('GET', forum(green), admin())).threads.length;
    expect(after).toBe(before + 1);
  });

  it('[F5] unread counts: posts by others after one’s read mark, on the home and per thread', async () => {
    const unread = async (who: string) =>
      forumUnreadResponseSchema.parse(await call('GET', '/api/me/forum', green.token(who)));
    // Fela has read nothing: Rita's need and Ala's material.
    expect(await unread('Fela')).toEqual({ networkId: green.id, unreadThreads: 2, unreadPosts: 2 });
    // Her own posts are never unread for the author.
    expect(await unread('Rita')).toMatchObject({ unreadThreads: 1, unreadPosts: 1 });
    await call('POST', `${forum(green)}/threads/${needId}/posts`, green.token('Ala'), {
      body: 'W Gdyni: budżet obywatelski.',
    });
    expect(await unread('Rita')).toMatchObject({ unreadThreads: 2, unreadPosts: 2 });
    const thread = forumThreadResponseSchema.parse(
      await call('GET', `${forum(green)}/threads/${needId}`, green.token('Fela')),
    );
    expect(thread.thread.unread).toBe(2);
    const lastSeq = thread.posts.at(-1)?.seq ?? 0;
    await call('PUT', `${forum(green)}/threads/${needId}/read`, green.token('Fela'), { upToSeq: lastSeq });
    expect(await unread('Fela')).toEqual({ networkId: green.id, unreadThreads: 1, unreadPosts: 1 });
    // A read mark never goes down (an older tab), nor beyond the thread's last post.
    await call('PUT', `${forum(green)}/threads/${needId}/read`, green.token('Fela'), { upToSeq: 0 });
    expect(await unread('Fela')).toMatchObject({ unreadPosts: 1 });
    await call('PUT', `${forum(green)}/threads/${needId}/read`, green.token('Rita'), { upToSeq: 1_000_000 });
    await call('POST', `${forum(green)}/threads/${needId}/posts`, green.token('Edward'), {
      body: 'Dołączam materiał.',
    });
    expect((await unread('Rita')).unreadPosts).toBe(2);
    // The office has no home.
    expectError(await request('GET', '/api/me/forum', admin()), 403, 'forbidden');
  });

  it('[F3] only the author edits or deletes; the pair hides a post, which is then served to nobody else', async () => {
    const reply = forumCreatedResponseSchema.parse(
      await call('POST', `${forum(green)}/threads/${needId}/posts`, green.token('Ala'), {
        body: 'Reklama: kupcie nasiona!',
      }),
    );
    expectError(
      await request('PATCH', `${forum(green)}/posts/${reply.postId}`, green.token('Fela'), {
        body: 'inaczej',
      }),
      403,
      'not_author',
    );
    expectError(
      await request('DELETE', `${forum(green)}/posts/${reply.postId}`, green.token('Rita')),
      403,
      'not_author',
    );
    expectError(
      await request('PUT', `${forum(green)}/posts/${reply.postId}/hidden`, green.token('Olga'), {
        hidden: true,
      }),
      403,
      'forbidden',
    );
    await call('PUT', `${forum(green)}/posts/${reply.postId}/hidden`, green.token('Fela'), { hidden: true });

    const bodiesFor = async (token: string) => {
      const response = await request('GET', `${forum(green)}/threads/${needId}`, token);
      return JSON.stringify(response.body);
    };
    // Not one byte of it for the others of the network…
    for (const who of ['Rita', 'Olga']) expect(await bodiesFor(green.token(who))).not.toContain('nasiona');
    // …and the pair, the office and its author see it, marked hidden.
    for (const token of [green.token('Edward'), admin(), green.token('Ala')]) {
      const thread = forumThreadResponseSchema.parse(
        (await request('GET', `${forum(green)}/threads/${needId}`, token)).body,
      );
      expect(thread.posts.find((p) => p.id === reply.postId)).toMatchObject({ hidden: true });
    }
    // The author edits their own post (marked edited), and deletes it.
    await call('PATCH', `${forum(green)}/posts/${reply.postId}`, green.token('Ala'), {
      body: 'Przepraszam.',
    });
    const edited = forumThreadResponseSchema
      .parse(await call('GET', `${forum(green)}/threads/${needId}`, green.token('Ala')))
      .posts.find((p) => p.id === reply.postId);
    expect(edited).toMatchObject({ body: 'Przepraszam.', hidden: true });
    expect(edited?.editedAt).not.toBeNull();
    expect(await call('DELETE', `${forum(green)}/posts/${reply.postId}`, green.token('Ala'))).toEqual({
      threadDeleted: false,
    });
    // An opening post with answers stays (they are others' words).
    const opening = forumThreadResponseSchema.parse(
      await call('GET', `${forum(green)}/threads/${needId}`, green.token('Rita')),
    ).posts[0];
    expectError(
      await request('DELETE', `${forum(green)}/posts/${opening?.id ?? ''}`, green.token('Rita')),
      409,
      'thread_has_replies',
    );
  });

  it('[F3] a thread whose opening post is hidden reaches only the pair, the office and its author', async () => {
    const spam = forumCreatedResponseSchema.parse(
      await call('POST', `${forum(green)}/threads`, green.token('Ala'), {
        kind: 'question',
        title: 'Tanie drony',
        body: 'www.spam.example',
      }),
    );
    await call('PUT', `${forum(green)}/posts/${spam.postId}/hidden`, green.token('Edward'), { hidden: true });
    const titles = async (token: string) =>
      forumResponseSchema.parse(await call('GET', forum(green), token)).threads.map((t) => t.title);
    expect(await titles(green.token('Rita'))).not.toContain('Tanie drony');
    expectError(
      await request('GET', `${forum(green)}/threads/${spam.threadId}`, green.token('Rita')),
      404,
      'not_found',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${spam.threadId}/posts`, green.token('Rita'), {
        body: 'x',
      }),
      404,
      'not_found',
    );
    expect(await titles(green.token('Fela'))).toContain('Tanie drony');
    expect(await titles(green.token('Ala'))).toContain('Tanie drony');
    // Its author deletes it while nobody answered: the thread goes with it.
    expect(await call('DELETE', `${forum(green)}/posts/${spam.postId}`, green.token('Ala'))).toEqual({
      threadDeleted: true,
    });
    expect(await titles(admin())).not.toContain('Tanie drony');
  });

  it('[F4] the pair turns the need into an agenda item of a planned meeting; the meeting’s agenda has it', async () => {
    // Nobody else may; a material is no need; an unknown meeting is 404.
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/agenda`, green.token('Olga'), { meetingId }),
      403,
      'forbidden',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/agenda`, green.token('Rita'), { meetingId }),
      403,
      'forbidden',
    );
    const material = forumResponseSchema
      .parse(await call('GET', forum(green), green.token('Fela')))
      .threads.find((t) => t.kind === 'material');
    expectError(
      await request('POST', `${forum(green)}/threads/${material?.id ?? ''}/agenda`, green.token('Fela'), {
        meetingId,
      }),
      400,
      'not_a_need',
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/agenda`, green.token('Fela'), {
        meetingId: 'nosuchmeeting',
      }),
      404,
      'not_found',
    );
    const list = forumResponseSchema.parse(await call('GET', forum(green), green.token('Fela')));
    expect(list.plannedMeetings.map((m) => m.id)).toEqual([meetingId]);

    const answer = await call('POST', `${forum(green)}/threads/${needId}/agenda`, green.token('Fela'), {
      meetingId,
      minutes: 25,
    });
    expect(answer).toMatchObject({
      conversion: { kind: 'agenda-item', meetingId, startsAt: '2099-05-20T10:00' },
    });
    const meeting = meetingSchema.parse(
      (
        (await call('GET', `/api/networks/${green.id}/meetings/${meetingId}`, green.token('Fela'))) as {
          meeting: unknown;
        }
      ).meeting,
    );
    expect(meeting.agenda.at(-1)).toEqual({
      kind: 'free-discussion',
      title: 'Jak finansować łąki kwietne?',
      minutes: 25,
    });
    expect(meeting.agenda).toHaveLength(3);
    // The thread shows where it went, to everyone who reads it.
    const seen = forumThreadResponseSchema.parse(
      await call('GET', `${forum(green)}/threads/${needId}`, green.token('Rita')),
    );
    expect(seen.thread.conversions).toEqual([
      expect.objectContaining({ kind: 'agenda-item', meetingId, meetingTitle: 'Spotkanie 2 — zieleń' }),
    ]);
    // Once only: a second time is refused and the agenda is unchanged.
    expectError(
      await request('POST', `${forum(green)}/threads/${needId}/agenda`, green.token('Edward'), { meetingId }),
      409,
      'already_on_agenda',
    );
    const again = meetingSchema.parse(
      (
        (await call('GET', `/api/networks/${green.id}/meetings/${meetingId}`, admin())) as {
          meeting: unknown;
        }
      ).meeting,
    );
    expect(again.agenda).toHaveLength(3);
  });

  it('[F4] a meeting that is over takes no new item', async () => {
    const past = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
        title: 'Spotkanie 0',
        startsAt: '2020-01-10T10:00',
        mode: 'online',
        agenda: [{ kind: 'free-discussion', minutes: 60 }],
      }),
    );
    const need = forumCreatedResponseSchema.parse(
      await call('POST', `${forum(green)}/threads`, green.token('Rita'), {
        kind: 'need',
        title: 'Susza',
        body: 'Jak podlewać?',
      }),
    );
    expectError(
      await request('POST', `${forum(green)}/threads/${need.threadId}/agenda`, green.token('Fela'), {
        meetingId: past.id,
      }),
      409,
      'meeting_held',
    );
    const list = forumResponseSchema.parse(await call('GET', forum(green), green.token('Fela')));
    expect(list.plannedMeetings.map((m) => m.id)).not.toContain(past.id);
    expect(list.threads.find((t) => t.id === need.threadId)?.conversions).toEqual([]);
  });
});
