import { createRequire } from 'node:module';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  networkPersonSchema,
  sendInvitationsResponseSchema,
  type MailResult,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest } from '../support/api';
import { REPO_ROOT, startServer, type ServerHandle } from '../support/server-process';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';

/**
 * E-mailed invitations (issue #11, item 3) through a real SMTP server the test starts: each
 * recipient gets their own personal link and no one else's, the meeting's .ics, a subject that a
 * title with CR/LF cannot turn into a second header; a refused address and a dead server are
 * reported per person; every attempt is in the sent-log; without SMTP the route says how to set it.
 */
const REJECTED = 'odrzucony@example.pl';
let smtp: SmtpCapture;
let server: ServerHandle;

beforeAll(async () => {
  smtp = await startSmtpCapture({ reject: [REJECTED] });
  server = await startServer({
    env: { SMTP_URL: smtp.url, SMTP_FROM: 'Biuro ZMP <sieci@example.pl>', RATE_LIMIT_ACT: '1000/1' },
  });
});
afterAll(async () => {
  if (server?.exitCode() === undefined) await server.stop();
  await smtp?.close();
});

interface Setup {
  networkId: string;
  meetingId: string;
  people: Record<'anna' | 'jan' | 'zofia' | 'fela', NetworkPerson>;
}

/** A network of two cities; a meeting inviting Anna and Jan (e-mails) and Zofia (none). */
async function setUp(target: ServerHandle, title: string): Promise<Setup> {
  const admin = target.adminToken;
  const call = (method: string, url: string, body?: unknown) =>
    apiCall(target, method, url, { token: admin, body });
  const { id: networkId } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasto obywateli',
      theme: 'Partycypacja',
      facilitator: { name: 'Fela Prowadząca', email: `fela.${title.length}@example.pl` },
    }),
  );
  await call('POST', `/api/networks/${networkId}/members`, {
    city: 'Gdynia',
    membership: 'leader-of-change',
  });
  await call('POST', `/api/networks/${networkId}/members`, { city: 'Ełk', membership: 'programme-laureate' });
  const add = async (body: Record<string, string>) =>
    networkPersonSchema.parse(
      ((await call('POST', `/api/networks/${networkId}/people`, body)) as { person: unknown }).person,
    );
  const anna = await add({
    // A name with CR/LF must stay inside the To header.
    name: 'Anna Kowalska\r\nBcc: intruz@example.pl',
    email: `anna.${networkId}@example.pl`,
    city: 'Gdynia',
    role: 'representative',
  });
  const jan = await add({
    name: 'Jan Wiśniewski',
    email: `jan.${networkId}@example.pl`,
    city: 'Ełk',
    role: 'representative',
  });
  const zofia = await add({ name: 'Zofia Bez Adresu', city: 'Ełk', role: 'representative' });
  const detail = (await call('GET', `/api/networks/${networkId}`)) as { people: NetworkPerson[] };
  const fela = detail.people.find((person) => person.role === 'facilitator') as NetworkPerson;
  const created = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, {
      title,
      startsAt: '2027-03-15T10:00',
      mode: 'hybrid',
      hostCity: 'Gdynia',
      venue: 'Urząd Miasta, al. Marszałka Piłsudskiego 52/54',
      room: 'Sala 105',
      agenda: [
        { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 },
        { kind: 'break', title: '', minutes: 15 },
        { kind: 'step', format: 'format-0', stepId: 'contract' },
      ],
      invitees: [anna.id, jan.id, zofia.id],
    }),
  );
  return { networkId, meetingId: created.id, people: { anna, jan, zofia, fela } };
}

const sendPath = (s: Setup) => `/api/networks/${s.networkId}/meetings/${s.meetingId}/invitations/send`;

function messageTo(address: string): CapturedMail {
  const found = smtp.messages.filter((message) => message.envelopeTo.includes(address));
  expect(found, `messages to ${address}`).toHaveLength(1);
  return found[0] as CapturedMail;
}

function outcomes(results: MailResult[]): Record<string, string> {
  return Object.fromEntries(results.map((result) => [result.name.split(/\s/)[0], result.outcome]));
}

function mailLog(target: ServerHandle, meetingId: string) {
  const require = createRequire(path.join(REPO_ROOT, 'server/package.json'));
  const Database = require('better-sqlite3') as new (
    file: string,
    options: { readonly: boolean },
  ) => { prepare(sql: string): { all(...args: unknown[]): unknown[] }; close(): void };
  const db = new Database(path.join(target.dataDir, 'empiria.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT person_id, email, revision, outcome, message_id, reason FROM invitation_mails WHERE meeting_id = ? ORDER BY id',
      )
      .all(meetingId) as {
      person_id: string;
      email: string | null;
      revision: number;
      outcome: string;
      message_id: string | null;
      reason: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe('invitations by e-mail over a real SMTP server', () => {
  it('sends each invitee their own message with their own link and the .ics, and logs it', async () => {
    const setup = await setUp(server, 'Spotkanie 1: kontrakt sieci\r\nBcc: intruz@example.pl');
    const { anna, jan, zofia } = setup.people;
    const response = await apiRequest(server, 'POST', sendPath(setup), { token: server.adminToken });
    expect(response.status).toBe(200);
    const sent = sendInvitationsResponseSchema.parse(response.body);
    expect(outcomes(sent.results)).toEqual({ Anna: 'sent', Jan: 'sent', Zofia: 'no-email' });
    expect(sent.alreadySent).toBe(0);

    // Exactly two messages, each delivered to its one recipient only (no Bcc smuggled in).
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages.flatMap((message) => message.envelopeTo).sort()).toEqual(
      [anna.email, jan.email].sort(),
    );
    for (const person of [anna, jan]) {
      const other = person === anna ? jan : anna;
      const mail = messageTo(person.email as string);
      expect(mail.envelopeFrom).toBe('sieci@example.pl');
      expect(mail.parsed.subject).toBe(
        'Zaproszenie: Spotkanie 1: kontrakt sieci Bcc: intruz@example.pl, poniedziałek, 15 marca 2027',
      );
      expect(mail.parsed.bcc).toBeUndefined();
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      // Their own link, in both parts; never the other recipient's.
      expect(mail.parsed.text).toContain(person.link as string);
      expect(mail.parsed.html || '').toContain((person.link as string).replace(/&/g, '&amp;'));
      expect(mail.raw).not.toContain(new URL(other.link as string).searchParams.get('token') as string);
      expect(mail.raw).not.toContain(new URL(zofia.link as string).searchParams.get('token') as string);
      // Polish first, English below; date, time, place and the agenda with its minutes.
      const text = mail.parsed.text ?? '';
      expect(text).toContain('Kiedy: poniedziałek, 15 marca 2027, 10:00–11:10 (czas warszawski)');
      expect(text).toContain('Gdzie: Urząd Miasta, al. Marszałka Piłsudskiego 52/54, Sala 105, Gdynia');
      expect(text).toContain('10:30–10:45 Przerwa (15 min)');
      expect(text).toContain('When: Monday, 15 March 2027, 10:00–11:10 (Warsaw time)');
      expect(text).toContain('10:30–10:45 Break (15 min)');
      expect(text.indexOf('Kiedy:')).toBeLessThan(text.indexOf('When:'));
      // The calendar file, parsed back.
      const ics = mail.parsed.attachments.find((a) => a.filename === 'zaproszenie.ics');
      expect(ics?.contentType).toBe('text/calendar');
      const event = new ICAL.Event(
        new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') ?? '')).getFirstSubcomponent(
          'vevent',
        ) as ICAL.Component,
      );
      expect(event.uid).toContain(setup.meetingId);
      expect(event.startDate.toString()).toBe('2027-03-15T10:00:00');
    }
    // The CR/LF name stayed in the To header's display name.
    const annaMail = messageTo(anna.email as string);
    expect(annaMail.parsed.headers.has('bcc')).toBe(false);
    expect(JSON.stringify(annaMail.parsed.to)).toContain(anna.email as string);
    expect(annaMail.parsed.text).toContain('Dzień dobry, Anna Kowalska Bcc: intruz@example.pl!');

    const log = mailLog(server, setup.meetingId);
    expect(log.map((row) => [row.person_id, row.outcome, row.revision])).toEqual(
      expect.arrayContaining([
        [anna.id, 'sent', 0],
        [jan.id, 'sent', 0],
        [zofia.id, 'no-email', 0],
      ]),
    );
    expect(log).toHaveLength(3);
    for (const row of log.filter((r) => r.outcome === 'sent')) {
      expect(smtp.messages.some((m) => m.parsed.messageId === row.message_id)).toBe(true);
    }
  });

  it('sends again only what has not been sent; a refused address fails alone; a changed meeting goes again', async () => {
    smtp.messages.length = 0;
    const setup = await setUp(server, 'Spotkanie 2');
    const { anna, jan, fela } = setup.people;
    const admin = server.adminToken;
    const first = sendInvitationsResponseSchema.parse(
      await apiCall(server, 'POST', sendPath(setup), { token: admin, body: {} }),
    );
    expect(outcomes(first.results)).toEqual({ Anna: 'sent', Jan: 'sent', Zofia: 'no-email' });

    // A fourth invitee whose address the mail server refuses with 550.
    const rejected = networkPersonSchema.parse(
      (
        (await apiCall(server, 'POST', `/api/networks/${setup.networkId}/people`, {
          token: admin,
          body: { name: 'Robert Odrzucony', email: REJECTED, city: 'Gdynia', role: 'representative' },
        })) as { person: unknown }
      ).person,
    );
    await apiCall(
      server,
      'POST',
      `/api/networks/${setup.networkId}/meetings/${setup.meetingId}/invitations`,
      {
        token: admin,
        body: { personId: rejected.id },
      },
    );
    // The facilitator, with her own personal link ([N2]).
    const felaToken = new URL(fela.link as string).searchParams.get('token') as string;
    const second = sendInvitationsResponseSchema.parse(
      await apiCall(server, 'POST', sendPath(setup), { token: felaToken }),
    );
    expect(second.alreadySent).toBe(2);
    expect(outcomes(second.results)).toEqual({ Zofia: 'no-email', Robert: 'failed' });
    expect(second.results.find((r) => r.personId === rejected.id)?.reason).toMatch(/550/);
    expect(smtp.messages).toHaveLength(2);

    // A changed meeting is a new version: everyone with an address gets it again.
    await apiCall(server, 'PATCH', `/api/networks/${setup.networkId}/meetings/${setup.meetingId}`, {
      token: admin,
      body: { room: 'Sala 210' },
    });
    const third = sendInvitationsResponseSchema.parse(
      await apiCall(server, 'POST', sendPath(setup), { token: admin }),
    );
    expect(third.revision).toBe(1);
    expect(outcomes(third.results)).toEqual({
      Anna: 'sent',
      Jan: 'sent',
      Zofia: 'no-email',
      Robert: 'failed',
    });
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(jan.email as string))).toHaveLength(2);
    expect(smtp.messages.at(-1)?.parsed.text).toContain('Sala 210');

    // Only named people, when named; someone not invited is refused and nothing is sent.
    const only = sendInvitationsResponseSchema.parse(
      await apiCall(server, 'POST', sendPath(setup), { token: admin, body: { personIds: [anna.id] } }),
    );
    expect(only.results.map((r) => [r.personId, r.outcome])).toEqual([[anna.id, 'sent']]);
    const before = smtp.messages.length;
    const notInvited = await apiRequest(server, 'POST', sendPath(setup), {
      token: admin,
      body: { personIds: [fela.id] },
    });
    expect(notInvited.status).toBe(409);
    expect((notInvited.body as { error: { code: string } }).error.code).toBe('not_invited');
    expect(smtp.messages.length).toBe(before);

    const log = mailLog(server, setup.meetingId);
    expect(log.filter((row) => row.person_id === rejected.id).map((r) => [r.outcome, r.revision])).toEqual([
      ['failed', 0],
      ['failed', 1],
    ]);
    expect(log.find((row) => row.person_id === rejected.id)?.reason).toMatch(/550/);
  });

  it('refuses a representative, a bad body and an unknown meeting', async () => {
    const setup = await setUp(server, 'Spotkanie 3');
    const annaToken = new URL(setup.people.anna.link as string).searchParams.get('token') as string;
    const asAnna = await apiRequest(server, 'POST', sendPath(setup), { token: annaToken });
    expect(asAnna.status).toBe(403);
    const badBody = await apiRequest(server, 'POST', sendPath(setup), {
      token: server.adminToken,
      body: { personIds: 'all' },
    });
    expect(badBody.status).toBe(400);
    const unknown = await apiRequest(
      server,
      'POST',
      `/api/networks/${setup.networkId}/meetings/nosuchmeeting/invitations/send`,
      { token: server.adminToken },
    );
    expect(unknown.status).toBe(404);
    expect(mailLog(server, setup.meetingId)).toEqual([]);
  });
});

describe('when the mail server cannot be reached or is not configured', () => {
  it('reports each person failed when the connection is refused', async () => {
    const closed = await startSmtpCapture();
    const deadUrl = closed.url;
    await closed.close();
    const dead = await startServer({ env: { SMTP_URL: deadUrl } });
    try {
      const setup = await setUp(dead, 'Spotkanie bez serwera poczty');
      const response = sendInvitationsResponseSchema.parse(
        await apiCall(dead, 'POST', sendPath(setup), { token: dead.adminToken }),
      );
      expect(outcomes(response.results)).toEqual({ Anna: 'failed', Jan: 'failed', Zofia: 'no-email' });
      for (const result of response.results.filter((r) => r.outcome === 'failed')) {
        expect(result.reason).toMatch(/ECONNREFUSED/);
      }
      expect(
        mailLog(dead, setup.meetingId)
          .map((row) => row.outcome)
          .sort(),
      ).toEqual(['failed', 'failed', 'no-email']);
    } finally {
      await dead.stop();
    }
  });

  it('answers 409 smtp_not_configured, saying how to configure it', async () => {
    const plain = await startServer();
    try {
      const setup = await setUp(plain, 'Spotkanie bez SMTP');
      const response = await apiRequest(plain, 'POST', sendPath(setup), { token: plain.adminToken });
      expect(response.status).toBe(409);
      const error = (response.body as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('smtp_not_configured');
      expect(error.message).toContain('SMTP_URL');
      expect(mailLog(plain, setup.meetingId)).toEqual([]);
    } finally {
      await plain.stop();
    }
  });
});
