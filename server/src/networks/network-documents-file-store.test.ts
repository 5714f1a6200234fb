import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskNetworkFileStore, TooLargeUpload, UploadStalled } from './network-documents-file-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-network-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const incoming = () => fs.readdirSync(path.join(dir, 'network-documents', '.incoming'));

describe('the disk store of network files', () => {
  it('receives a body, reads it back by ranges, keeps it under a key, serves it', async () => {
    const store = new DiskNetworkFileStore(dir);
    const body = new PassThrough();
    const received = store.receive(body, 100);
    body.write('0123456789');
    body.end('abcdef');
    const upload = await received;
    expect(upload.bytes).toBe(16);
    expect(Buffer.from(upload.content.read(8, 4)).toString()).toBe('89ab');
    expect(Buffer.from(upload.content.read(14, 10)).toString()).toBe('ef');
    upload.keep('net-zielona/file-000001');
    upload.discard();
    expect(incoming()).toEqual([]);
    const chunks: Buffer[] = [];
    for await (const chunk of store.open('net-zielona/file-000001')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('0123456789abcdef');
  });

  it('stops reading past the cap and at a stall; nothing stays in the incoming folder', async () => {
    const store = new DiskNetworkFileStore(dir, 50);
    const big = new PassThrough();
    const refused = store.receive(big, 10);
    big.write(Buffer.alloc(11));
    await expect(refused).rejects.toBeInstanceOf(TooLargeUpload);
    expect(big.isPaused()).toBe(true);
    const stalled = store.receive(new PassThrough(), 10);
    await expect(stalled).rejects.toBeInstanceOf(UploadStalled);
    expect(incoming()).toEqual([]);
  });

  it('refuses a key that could leave its root, and clears what a crash left half-received', () => {
    fs.mkdirSync(path.join(dir, 'network-documents', '.incoming'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'network-documents', '.incoming', 'leftover'), 'x');
    const store = new DiskNetworkFileStore(dir);
    expect(incoming()).toEqual([]);
    expect(() => store.open('../../etc/passwd')).toThrow(/not a file key/);
    expect(() => store.remove('net-zielona/../../x')).toThrow(/not a file key/);
  });
});
