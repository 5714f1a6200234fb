import { describe, expect, it } from 'vitest';
import { networkDetailSchema, networkListResponseSchema } from '@empiria/shared';
import { apiCall, apiRequest } from '../support/api';
import { serverPerFile } from '../support/server-per-file';

/**
 * The demo data (issue #11, item 7), loaded once by the office through POST /api/admin/demo: the
 * eight ZMP networks with member cities, people, a past meeting whose approved note exports as
 * Markdown with the board's notes in it, and a planned meeting; a second load is refused.
 */
const setup = serverPerFile();

const EIGHT = [
  'Miasto cyfrowe',
  'Zasoby miast',
  'Miasto obywateli',
  'Miasto dostępne i sprawiedliwe',
  'Miasto przedsiębiorcze',
  'Miasto neutralne klimatycznie',
  'Zasoby kadrowe w miastach',
  'Leadership',
];

describe('demo data', () => {
  it('is only for the office', async () => {
    const anonymous = await apiRequest(setup.server, 'POST', '/api/admin/demo');
    expect(anonymous.status).toBe(401);
    const list = networkListResponseSchema.parse(
      await apiCall(setup.server, 'GET', '/api/networks', { token: setup.server.adminToken }),
    );
    expect(list.networks).toEqual([]);
  });

  it('loads eight networks with members, people and two meetings each, the past one approved', async () => {
    const started = Date.now();
    const loaded = await apiRequest(setup.server, 'POST', '/api/admin/demo', {
      token: setup.server.adminToken,
    });
    expect(loaded.status).toBe(201);
    expect(loaded.body).toEqual({ networks: 8 });
    console.log(`demo loaded in ${Date.now() - started} ms`);

    const list = networkListResponseSchema.parse(
      await apiCall(setup.server, 'GET', '/api/networks', { token: setup.server.adminToken }),
    );
    expect(list.networks.map((n) => n.name)).toEqual(EIGHT);
    for (const summary of list.networks) {
      expect(summary.members).toBeGreaterThanOrEqual(10);
      expect(summary.members).toBeLessThanOrEqual(15);
      expect(summary.meetings).toBe(2);
      const detail = networkDetailSchema.parse(
        await apiCall(setup.server, 'GET', `/api/networks/${summary.id}`, { token: setup.server.adminToken }),
      );
      const roles = detail.people.map((p) => p.role);
      expect(roles.filter((r) => r === 'facilitator')).toHaveLength(1);
      expect(roles.filter((r) => r === 'expert')).toHaveLength(1);
      expect(roles.filter((r) => r === 'organiser')).toHaveLength(1);
      for (const member of detail.members) {
        expect(member.representatives).toBeGreaterThanOrEqual(2);
        expect(member.representatives).toBeLessThanOrEqual(3);
      }
      expect(new Set(detail.members.map((m) => m.membership))).toEqual(
        new Set(['leader-of-change', 'programme-laureate', 'programme-finalist', 'observer']),
      );
      expect(detail.people.every((p) => p.email?.endsWith('@example.pl'))).toBe(true);

      const [past, next] = detail.meetings;
      expect(past?.noteApproved).toBe(true);
      expect(next?.noteApproved).toBe(false);
      expect((next?.startsAt ?? '') > new Date().toISOString().slice(0, 16)).toBe(true);
      expect((past?.startsAt ?? '') < new Date().toISOString().slice(0, 16)).toBe(true);

      const markdown = await apiRequest(
        setup.server,
        'GET',
        `/api/networks/${summary.id}/meetings/${past?.id}/notes?format=md`,
        { token: setup.server.adminToken },
      );
      expect(markdown.status).toBe(200);
      const text = String(markdown.body);
      // The board's notes, drafted into the approved note.
      expect(text).toContain(past?.title.replace(/^Spotkanie 1: /, '') ?? 'missing');
      expect(text.length).toBeGreaterThan(200);
      // Who came and who approved: the representatives in the room, approved on the meeting's day.
      expect(text).toMatch(/## Lista obecności \(\d+\)/);
      expect(text).toContain('**Zatwierdzili:**');
      expect(text).toContain(`**Zatwierdzono:** ${past?.startsAt.slice(0, 10)}`);
      if (summary.name === 'Miasto cyfrowe') {
        expect(text).toContain('Skomplikowane formularze');
        expect(text).toContain('Tylko 18% wniosków składanych jest on-line');
      }
    }
  });

  it('refuses a second load with 409 and adds nothing', async () => {
    const again = await apiRequest(setup.server, 'POST', '/api/admin/demo', {
      token: setup.server.adminToken,
    });
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('demo_loaded');
    const list = networkListResponseSchema.parse(
      await apiCall(setup.server, 'GET', '/api/networks', { token: setup.server.adminToken }),
    );
    expect(list.networks).toHaveLength(8);
  });
});
