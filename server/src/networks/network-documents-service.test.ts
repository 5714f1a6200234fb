import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkActor } from '@empiria/shared';
import { TokenCodec } from '../auth/tokens';
import { png } from '../photos/sample-images';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { DiskNetworkFileStore } from './network-documents-file-store';
import { samplePdf, sampleXlsx } from './network-documents-samples';
import { NetworkDocumentsService, type UploadRequest } from './network-documents-service';
import { NetworkDocumentsStore } from './network-documents-store';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { NetworkService } from './network-service';
import { NetworkStore } from './network-store';
import { PersonalLinks } from './personal-links';

/**
 * The document space's service on a real database and a real disk, with small limits so the
 * quota and the file limit are reached with a few kilobytes.
 */
let dir: string;
let db: SqliteDatabase;
let service: NetworkDocumentsService;
let networkId: string;
let people: Record<string, NetworkActor>;
const office: NetworkActor = { kind: 'office' };
const LIMITS = { maxFileBytes: 4_000, quotaBytes: 10_000 };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-network-documents-'));
  db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  const networks = new NetworkService(
    new NetworkStore(new SqliteSqlDatabase(db)),
    new PersonalLinks(new TokenCodec(randomBytes(32)), () => 'http://empiria.test'),
  );
  const network = await networks.create({
    name: 'Zielona',
    theme: 'Zieleń',
    description: '',
    facilitator: { name: 'Fela' },
    experts: [],
  });
  networkId = network.id;
  await networks.addMember(networkId, 'Gdynia', 'programme-laureate');
  await networks.addMember(networkId, 'Radom', 'observer');
  await networks.addPerson(networkId, { name: 'Ala', city: 'Gdynia', role: 'representative' });
  await networks.addPerson(networkId, { name: 'Rita', city: 'Radom', role: 'representative' });
  people = {};
  for (const person of await networks.people(networkId, false)) {
    people[person.name] = (await networks.actorOf(networkId, person.id))!;
  }
  service = new NetworkDocumentsService(
    new NetworkDocumentsStore(new SqliteSqlDatabase(db)),
    new DiskNetworkFileStore(dir),
    networks,
    LIMITS,
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (name: string, bytes: Uint8Array, extra: Partial<UploadRequest> = {}): UploadRequest => ({
  name,
  contentType: '',
  folderId: null,
  declaredBytes: bytes.length,
  ...extra,
});
const upload = (actor: NetworkActor, name: string, bytes: Uint8Array, extra: Partial<UploadRequest> = {}) =>
  service.upload(actor, networkId, request(name, bytes, extra), Readable.from([Buffer.from(bytes)]));

/** Files on disk under the space's root, the incoming folder's leftovers included. */
function filesOnDisk(): string[] {
  const root = path.join(dir, 'network-documents');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((e) => e.name);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the document space’s service [DOC1]–[DOC5]', () => {
  it('the same name in the same folder adds a version; older versions stay downloadable', async () => {
    const first = await upload(people.Fela!, 'Plan.pdf', samplePdf('pierwsza'));
    const second = await upload(people.Ala!, 'plan.PDF', samplePdf('druga'));
    expect(first.newVersion).toBe(false);
    expect(second).toMatchObject({ newVersion: true, file: { id: first.file.id, name: 'Plan.pdf' } });
    expect(second.file.versions.map((v) => [v.version, v.uploadedBy.name])).toEqual([
      [2, 'Ala'],
      [1, 'Fela'],
    ]);
    const latest = await service.download(people.Ala!, networkId, first.file.id, null);
    expect(latest.version).toBe(2);
    expect((await readAll(latest.stream)).toString('latin1')).toContain('(druga)');
    const older = await service.download(people.Ala!, networkId, first.file.id, 1);
    expect((await readAll(older.stream)).toString('latin1')).toContain('(pierwsza)');
    await expect(service.download(people.Ala!, networkId, first.file.id, 3)).rejects.toThrow(
      /No such version/,
    );
  });

  it('a file over the limit is refused while it arrives and leaves nothing on disk', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(LIMITS.maxFileBytes)]);
    // Not announced: refused while streaming.
    await expect(upload(people.Fela!, 'duzy.pdf', big, { declaredBytes: null })).rejects.toMatchObject({
      kind: 'too_large',
      code: 'too_large',
    });
    // Announced: refused before a byte is read.
    const body = new Readable({ read() {} });
    await expect(
      service.upload(people.Fela!, networkId, request('duzy.pdf', big), body),
    ).rejects.toMatchObject({ code: 'too_large' });
    expect(body.readableFlowing).toBe(null);
    expect(filesOnDisk()).toEqual([]);
    expect((await service.list(office, networkId)).files).toEqual([]);
  });

  it('the quota counts every version, deleted files too, and refuses with quota_exceeded (507)', async () => {
    const image = png(60, 40);
    let kept = 0;
    for (let i = 0; kept + image.length <= LIMITS.quotaBytes; i++) {
      await upload(people.Fela!, `zdjecie-${i}.png`, image);
      kept += image.length;
    }
    await service.deleteFile(people.Fela!, networkId, (await service.list(office, networkId)).files[0]!.id);
    await expect(upload(people.Fela!, 'jeszcze.png', image)).rejects.toMatchObject({
      kind: 'quota_exceeded',
      code: 'quota_exceeded',
    });
    await expect(upload(people.Fela!, 'jeszcze.png', image, { declaredBytes: null })).rejects.toMatchObject({
      code: 'quota_exceeded',
    });
    expect((await service.list(people.Fela!, networkId)).usage).toEqual({
      bytes: kept,
      quotaBytes: LIMITS.quotaBytes,
    });
    expect(filesOnDisk()).toHaveLength(kept / image.length);
  });

  it('bytes that are not what the name says: 415 type_mismatch, nothing kept', async () => {
    await expect(upload(people.Ala!, 'raport.pdf', sampleXlsx())).rejects.toMatchObject({
      kind: 'unsupported',
      code: 'type_mismatch',
    });
    await expect(
      upload(people.Ala!, 'raport.pdf', samplePdf(), { contentType: 'text/html' }),
    ).rejects.toMatchObject({ code: 'type_mismatch' });
    await expect(upload(people.Ala!, 'skrypt.exe', samplePdf())).rejects.toMatchObject({
      code: 'unsupported_type',
    });
    expect(filesOnDisk()).toEqual([]);
  });

  it('a name that looks like a path is only a label; the disk holds random ids', async () => {
    const { file } = await upload(people.Fela!, '../../../etc/passwd.pdf', samplePdf());
    expect(file.name).toBe('passwd.pdf');
    const stored = filesOnDisk();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fs.existsSync(path.join(dir, 'etc'))).toBe(false);
  });

  it('an observer sees only what is shared, through the file or its folder, and uploads nothing', async () => {
    const folder = await service.createFolder(people.Fela!, networkId, {
      name: 'Dla obserwatorów',
      sharedWithObservers: false,
    });
    const inFolder = await upload(people.Fela!, 'program.pdf', samplePdf(), { folderId: folder.id });
    const loose = await upload(people.Fela!, 'wewnetrzny.pdf', samplePdf());
    const rita = () => service.list(people.Rita!, networkId);
    expect(await rita()).toMatchObject({
      folders: [],
      files: [],
      usage: null,
      viewer: { observer: true, canUpload: false },
    });
    await expect(service.download(people.Rita!, networkId, inFolder.file.id, null)).rejects.toThrow(
      /No such file/,
    );
    await service.updateFolder(people.Fela!, networkId, folder.id, { sharedWithObservers: true });
    expect((await rita()).files.map((f) => f.name)).toEqual(['program.pdf']);
    await service.updateFile(people.Fela!, networkId, loose.file.id, { sharedWithObservers: true });
    expect((await rita()).files.map((f) => f.name).sort()).toEqual(['program.pdf', 'wewnetrzny.pdf']);
    await expect(upload(people.Rita!, 'moj.pdf', samplePdf())).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      service.updateFile(people.Ala!, networkId, loose.file.id, { sharedWithObservers: false }),
    ).rejects.toThrow(/Only the facilitator/);
  });

  it('a deleted file is kept for those who manage, gone for the others, and frees its name', async () => {
    const { file } = await upload(people.Ala!, 'notatka.pdf', samplePdf());
    await service.deleteFile(people.Fela!, networkId, file.id);
    expect((await service.list(people.Ala!, networkId)).files).toEqual([]);
    expect((await service.list(people.Fela!, networkId)).files).toMatchObject([
      { id: file.id, deletedAt: expect.any(String) },
    ]);
    await expect(service.download(people.Ala!, networkId, file.id, null)).rejects.toThrow(/No such file/);
    const again = await upload(people.Ala!, 'notatka.pdf', samplePdf());
    expect(again).toMatchObject({ newVersion: false });
    expect(again.file.id).not.toBe(file.id);
  });

  it('rename keeps the extension and a name free in the target folder; move goes to a folder', async () => {
    const a = await upload(people.Fela!, 'a.pdf', samplePdf());
    await upload(people.Fela!, 'b.pdf', samplePdf());
    await expect(service.updateFile(people.Fela!, networkId, a.file.id, { name: 'B.pdf' })).rejects.toThrow(
      /already/,
    );
    await expect(service.updateFile(people.Fela!, networkId, a.file.id, { name: 'a.docx' })).rejects.toThrow(
      /extension/,
    );
    const folder = await service.createFolder(people.Fela!, networkId, {
      name: 'Archiwum',
      sharedWithObservers: false,
    });
    await expect(
      service.createFolder(people.Fela!, networkId, { name: 'archiwum', sharedWithObservers: false }),
    ).rejects.toThrow(/already/);
    const moved = await service.updateFile(people.Fela!, networkId, a.file.id, {
      folderId: folder.id,
      name: 'B.pdf',
    });
    expect(moved).toMatchObject({ folderId: folder.id, name: 'B.pdf' });
  });
});
