import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';
import { reportPath, warsawNowLocal } from '../report/report-format';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the report’s address', () => {
  it('/n/<id>/meetings/<meetingId>/report is the meeting’s report, and reportPath makes it', () => {
    expect(at('/n/net-zielona/meetings/mtg-12345/report')).toEqual({
      kind: 'report',
      networkId: 'net-zielona',
      meetingId: 'mtg-12345',
    });
    expect(at(reportPath('net-zielona', 'mtg-12345'))).toEqual(
      at('/n/net-zielona/meetings/mtg-12345/report'),
    );
  });

  it('ids that are not ids, and other paths under a meeting, are not found', () => {
    expect(at('/n/net-zielona/meetings/%3Cscript%3E/report')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/meetings/mtg-12345')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/meetings/mtg-12345/report/edit')).toEqual({ kind: 'not-found' });
  });
});

describe('now on the Warsaw wall clock', () => {
  it('is the meetings’ own clock, across the change of time', () => {
    expect(warsawNowLocal(new Date('2026-07-01T08:30:00Z'))).toBe('2026-07-01T10:30');
    expect(warsawNowLocal(new Date('2026-12-01T08:30:00Z'))).toBe('2026-12-01T09:30');
  });
});
