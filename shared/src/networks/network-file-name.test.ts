import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName, fileNameKey } from './network-file-name';

describe('file names are labels, never paths', () => {
  it('keeps an ordinary Polish name and reads its kind from the extension', () => {
    expect(cleanFileName('Raport końcowy – Łódź.PDF')).toEqual({
      ok: true,
      name: 'Raport końcowy – Łódź.PDF',
      extension: 'pdf',
      kind: 'pdf',
    });
    expect(cleanFileName('zdjęcie.jpg')).toMatchObject({ ok: true, kind: 'jpeg' });
  });

  it('takes the last part of a path and drops what looks like traversal', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toMatchObject({ ok: true, name: 'passwd.pdf' });
    expect(cleanFileName('C:\\Users\\ala\\plan.docx')).toMatchObject({ ok: true, name: 'plan.docx' });
    expect(cleanFileName('..pdf')).toEqual({ ok: false, reason: 'unsupported' });
    expect(cleanFileName('../..')).toEqual({ ok: false, reason: 'empty' });
    expect(cleanFileName('a<b>:c|d?.xlsx')).toMatchObject({ ok: true, name: 'a_b__c_d_.xlsx' });
    expect(cleanFileName('ukryty\u0000\u202e.pdf')).toMatchObject({ ok: true, name: 'ukryty__.pdf' });
  });

  it('refuses names without a supported extension, empty ones and overlong ones', () => {
    expect(cleanFileName('program.exe')).toEqual({ ok: false, reason: 'unsupported' });
    expect(cleanFileName('README')).toEqual({ ok: false, reason: 'unsupported' });
    expect(cleanFileName('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(cleanFileName(`${'a'.repeat(200)}.pdf`)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('compares names without letter case', () => {
    expect(fileNameKey('Plan.PDF')).toBe(fileNameKey('plan.pdf'));
    expect(fileNameKey('ŁÓDŹ.pdf')).toBe('łódź.pdf');
  });

  it('a download keeps the Polish name and cannot break out of the header', () => {
    const header = attachmentDisposition('Raport "końcowy"; Łódź.pdf');
    expect(header).toBe(
      `attachment; filename="Raport _koncowy__ Lodz.pdf"; filename*=UTF-8''Raport%20%22ko%C5%84cowy%22%3B%20%C5%81%C3%B3d%C5%BA.pdf`,
    );
  });
});
