import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createdResponseSchema,
  networkDetailSchema,
  networkDocumentsResponseSchema,
  networkFileUploadedResponseSchema,
  networkFolderSchema,
  NETWORK_FILE_MAX_BYTES,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, type ApiResponse } from '../support/api';
import { pngWithLocation } from '../support/images';
import { sampleDocx, samplePdf } from '../support/network-documents-files';
import { serverPerFile } from '../support/server-per-file';

/**
 * A network's document space (issue #13 item 5, rules DOC1–DOC5) against a real server: uploads
 * checked by their bytes, too big refused before anything is written, versions, what an observer
 * city sees, another network refused, names that look like paths, and safe downloads. (The quota's
 * 507 needs 2 GiB here; the service's own test reaches it with small limits.)
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } } | undefined)?.error?.code,
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

const space = (network: Fixture) => `/api/networks/${network.id}/documents`;

/** POST …/documents/files with the raw bytes, as the client sends them. */
async function upload(
  network: Fixture,
  token: string,
  name: string,
  bytes: Uint8Array,
  options: { type?: string; folderId?: string } = {},
): Promise<ApiResponse> {
  const query = options.folderId ? `?folderId=${options.folderId}` : '';
  const response = await fetch(new URL(`${space(network)}/files${query}`, setup.server.baseUrl), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': options.type ?? 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: Buffer.from(bytes),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function download(network: Fixture, token: string, fileId: string, query = '') {
  const response = await fetch(new URL(`${space(network)}/files/${fileId}${query}`, setup.server.baseUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const list = async (network: Fixture, token: string) =>
  networkDocumentsResponseSchema.parse(await call('GET', space(network), token));

/** Files under the server's document store (the incoming folder included). */
function storedFiles(): string[] {
  const root = path.join(setup.server.dataDir, 'network-documents');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

let green: Fixture;
let other: Fixture;

beforeAll(async () => {
  green = await makeNetwork('Zielona');
  other = await makeNetwork('Inna');
});

describe('network documents over HTTP [DOC1]–[DOC5]', () => {
  it('a PDF, a Word document and an image are taken; the same name adds a version, the older one stays', async () => {
    const first = await upload(green, green.token('Fela'), 'Program spotkania.pdf', samplePdf('v1'), {
      type: 'application/pdf',
    });
    expect(first.status).toBe(201);
    const { file } = networkFileUploadedResponseSchema.parse(first.body);
    const second = networkFileUploadedResponseSchema.parse(
      (await upload(green, green.token('Ala'), 'program spotkania.pdf', samplePdf('v2'))).body,
    );
    expect(second).toMatchObject({ newVersion: true, file: { id: file.id } });
    expect(second.file.versions.map((v) => [v.version, v.uploadedBy.name, v.uploadedBy.city])).toEqual([
      [2, 'Ala Zielona', 'Gdynia'],
      [1, 'Fela Zielona', null],
    ]);
    expect((await upload(green, green.token('Ala'), 'notatka.docx', sampleDocx())).status).toBe(201);
    expect(
      (await upload(green, green.token('Olga'), 'sala.png', pngWithLocation(), { type: 'image/png' })).status,
    ).toBe(201);

    const latest = await download(green, green.token('Ala'), file.id);
    expect(latest.response.status).toBe(200);
    expect(latest.bytes.toString('latin1')).toContain('(v2)');
    expect(Object.fromEntries(latest.response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Program spotkania.pdf"; filename*=UTF-8''Program%20spotkania.pdf`,
      'x-content-type-options': 'nosniff',
      'x-file-version': '2',
    });
    expect(latest.response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; sandbox/);
    const older = await download(green, green.token('Ala'), file.id, '?version=1');
    expect(older.bytes.toString('latin1')).toContain('(v1)');
    expect((await download(green, green.token('Ala'), file.id, '?version=9')).response.status).toBe(404);
  });

  it('a file declared too big is refused with 413 before a byte is written', async () => {
    const before = storedFiles();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(new URL(`${space(green)}/files`, setup.server.baseUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${green.token('Fela')}`,
          'content-type': 'application/pdf',
          'x-file-name': 'ogromny.pdf',
          'content-length': String(NETWORK_FILE_MAX_BYTES + 1),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      // Only the first bytes: the answer must come without the rest.
      req.write(samplePdf());
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'too_large' } });
    expect(storedFiles()).toEqual(before);
  });

  it('a body that grows past the limit without saying so is cut off with 413 and nothing is kept', async () => {
    const before = storedFiles();
    const big = Buffer.concat([samplePdf(), Buffer.alloc(NETWORK_FILE_MAX_BYTES)]);
    const response = await fetch(new URL(`${space(green)}/files`, setup.server.baseUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${green.token('Fela')}`,
        'content-type': 'application/pdf',
        'x-file-name': 'rosnacy.pdf',
      },
      // A stream: sent chunked, with no Content-Length.
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(storedFiles()).toEqual(before);
    expect((await list(green, green.token('Fela'))).files.map((f) => f.name)).not.toContain('rosnacy.pdf');
  });

  it('bytes that are not what the name or type says: 415, and an unknown kind 415 unsupported_type', async () => {
    const before = storedFiles();
    expectError(await upload(green, green.token('Ala'), 'raport.pdf', sampleDocx()), 415, 'type_mismatch');
    expectError(
      await upload(green, green.token('Ala'), 'zdjecie.jpg', pngWithLocation()),
      415,
      'type_mismatch',
    );
    expectError(
      await upload(green, green.token('Ala'), 'strona.pdf', Buffer.from('<html><script>alert(1)</script>')),
      415,
      'type_mismatch',
    );
    expectError(
      await upload(green, green.token('Ala'), 'raport.pdf', samplePdf(), { type: 'text/html' }),
      415,
      'type_mismatch',
    );
    expectError(
      await upload(green, green.token('Ala'), 'instalator.exe', samplePdf()),
      415,
      'unsupported_type',
    );
    expect(storedFiles()).toEqual(before);
  });

  it('a name that looks like a path is stored as a label; the file on disk is a random id', async () => {
    const answer = await upload(
      green,
      green.token('Fela'),
      '../../../../etc/cron.d/zadanie.pdf',
      samplePdf(),
    );
    const { file } = networkFileUploadedResponseSchema.parse(answer.body);
    expect(file.name).toBe('zadanie.pdf');
    const root = path.join(setup.server.dataDir, 'network-documents');
    for (const stored of storedFiles()) {
      expect(path.relative(root, stored)).toMatch(/^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/);
    }
    expect(fs.existsSync(path.join(setup.server.dataDir, 'etc'))).toBe(false);
  });

  it('an observer city sees only what is shared; the pair shares a file or a folder', async () => {
    const folder = networkFolderSchema.parse(
      (
        (await call('POST', space(green), green.token('Fela'), { name: 'Dla miast obserwatorów' })) as {
          folder: unknown;
        }
      ).folder,
    );
    const inFolder = networkFileUploadedResponseSchema.parse(
      (await upload(green, green.token('Fela'), 'Zaproszenie.pdf', samplePdf(), { folderId: folder.id }))
        .body,
    );
    const rita = green.token('Rita');
    let seen = await list(green, rita);
    expect(seen).toMatchObject({
      viewer: { observer: true, canUpload: false, canManage: false },
      usage: null,
    });
    expect(seen.files).toEqual([]);
    expect(seen.folders).toEqual([]);
    expect((await download(green, rita, inFolder.file.id)).response.status).toBe(404);
    expectError(await upload(green, rita, 'moje.pdf', samplePdf()), 403, 'forbidden');

    await call('PATCH', `${space(green)}/files/${inFolder.file.id}`, green.token('Fela'), {
      sharedWithObservers: true,
    });
    seen = await list(green, rita);
    expect(seen.files.map((f) => f.name)).toEqual(['Zaproszenie.pdf']);
    expect(seen.folders.map((f) => f.name)).toEqual(['Dla miast obserwatorów']);
    expect((await download(green, rita, inFolder.file.id)).response.status).toBe(200);

    // A representative of a core city sees everything but does not manage.
    expect((await list(green, green.token('Ala'))).files.length).toBeGreaterThan(1);
    expectError(
      await apiRequest(setup.server, 'PATCH', `${space(green)}/files/${inFolder.file.id}`, {
        token: green.token('Ala'),
        body: { sharedWithObservers: false },
      }),
      403,
      'forbidden',
    );
  });

  it('another network’s people get 403, its files are no files here', async () => {
    const ours = (await list(green, green.token('Fela'))).files[0]!;
    expectError(
      await apiRequest(setup.server, 'GET', space(green), { token: other.token('Fela') }),
      403,
      'forbidden',
    );
    expectError(await upload(green, other.token('Fela'), 'obcy.pdf', samplePdf()), 403, 'forbidden');
    expectError(
      await apiRequest(setup.server, 'GET', `${space(green)}/files/${ours.id}`, {
        token: other.token('Fela'),
      }),
      403,
      'forbidden',
    );
    // Asked through its own network's address, our file is not found.
    expect((await download(other, other.token('Fela'), ours.id)).response.status).toBe(404);
  });

  it('a deleted file leaves the list of members and stays for the pair; bad input changes nothing', async () => {
    const { file } = networkFileUploadedResponseSchema.parse(
      (await upload(green, green.token('Ala'), 'do-usuniecia.pdf', samplePdf())).body,
    );
    expect(
      (
        await apiRequest(setup.server, 'DELETE', `${space(green)}/files/${file.id}`, {
          token: green.token('Fela'),
        })
      ).status,
    ).toBe(204);
    expect((await list(green, green.token('Ala'))).files.map((f) => f.id)).not.toContain(file.id);
    const forPair = (await list(green, green.token('Fela'))).files.find((f) => f.id === file.id);
    expect(forPair?.deletedAt).toEqual(expect.any(String));
    expectError(
      await apiRequest(setup.server, 'DELETE', `${space(green)}/files/${file.id}`, {
        token: green.token('Fela'),
      }),
      409,
      'deleted',
    );
    expectError(
      await apiRequest(setup.server, 'POST', space(green), {
        token: green.token('Fela'),
        body: { name: 'a/b' },
      }),
      400,
      'invalid_body',
    );
    expectError(await upload(green, green.token('Fela'), '   ', samplePdf()), 400, 'bad_name');
    expect((await list(green, green.token('Fela'))).folders).toHaveLength(1);
  });
});
