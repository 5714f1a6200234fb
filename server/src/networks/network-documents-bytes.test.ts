import { describe, expect, it } from 'vitest';
import { jpeg, png, webp } from '../photos/sample-images';
import { bytesOf, checkNetworkFileBytes, zipEntryNames } from './network-documents-bytes';
import { sampleDocx, samplePdf, sampleXlsx, storedZip } from './network-documents-samples';

const check = (kind: Parameters<typeof checkNetworkFileBytes>[0], bytes: Uint8Array) =>
  checkNetworkFileBytes(kind, bytesOf(bytes));

describe('a document is what its name says, by its bytes [DOC5]', () => {
  it('takes a real PDF, Word document, Excel workbook and images', async () => {
    expect(check('pdf', samplePdf())).toEqual({ ok: true });
    expect(check('docx', await sampleDocx())).toEqual({ ok: true });
    expect(check('xlsx', sampleXlsx())).toEqual({ ok: true });
    expect(check('png', png(40, 30))).toEqual({ ok: true });
    expect(check('jpeg', jpeg(40, 30))).toEqual({ ok: true });
    expect(check('webp', webp(40, 30))).toEqual({ ok: true });
  });

  it('reads the entries of the docx package’s ZIP (deflated) from its central directory', async () => {
    const names = zipEntryNames(bytesOf(await sampleDocx()));
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('word/document.xml');
  });

  it('refuses a file whose bytes are another kind than its name', async () => {
    expect(check('pdf', await sampleDocx())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/PDF/),
    });
    expect(check('docx', samplePdf())).toMatchObject({ ok: false, reason: expect.stringMatching(/ZIP/) });
    expect(check('docx', sampleXlsx())).toMatchObject({ ok: false, reason: expect.stringMatching(/word\//) });
    expect(check('xlsx', await sampleDocx())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/xl\//),
    });
    expect(check('jpeg', png(40, 30))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/image\/png/),
    });
    expect(check('png', samplePdf())).toMatchObject({ ok: false });
    const page = Buffer.from('<!doctype html><script>alert(1)</script>');
    for (const kind of ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'webp'] as const) {
      expect(check(kind, page).ok, kind).toBe(false);
    }
  });

  it('refuses a ZIP that is no Office document, a cut-short PDF, an empty file, a lying image', () => {
    expect(check('docx', storedZip({ 'notes.txt': 'x' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/\[Content_Types\]/),
    });
    const pdf = samplePdf();
    expect(check('pdf', pdf.subarray(0, pdf.length - 40))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cut short/),
    });
    expect(check('pdf', new Uint8Array(0))).toEqual({ ok: false, reason: 'the file is empty' });
    expect(check('png', png(100_000, 100_000))).toMatchObject({ ok: false });
  });

  it('a ZIP whose directory points outside the file is refused, not read', () => {
    const zip = Buffer.from(sampleXlsx());
    zip.writeUInt32LE(0x7fffffff, zip.length - 6);
    expect(check('xlsx', zip)).toMatchObject({ ok: false, reason: expect.stringMatching(/out of bounds/) });
  });
});
