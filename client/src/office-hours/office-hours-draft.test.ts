import { describe, expect, it } from 'vitest';
import { emptySeriesDraft, previewSeries, seriesRequest } from './office-hours-draft';

describe('the series form', () => {
  const draft = {
    ...emptySeriesDraft(new Date('2026-10-20T10:00:00Z')),
    url: ' https://meet.example.org/x ',
  };

  it('starts with the vademecum’s rhythm from today in Warsaw: Tuesdays 16:00, an hour, every two weeks', () => {
    expect([draft.weekday, draft.startTime, draft.minutes, draft.everyWeeks, draft.from]).toEqual([
      2,
      '16:00',
      60,
      2,
      '2026-10-20',
    ]);
    expect(seriesRequest(draft).location).toEqual({ kind: 'online', url: 'https://meet.example.org/x' });
  });

  it('previews the slots the server will make, or says why there are none', () => {
    const preview = previewSeries({ ...draft, to: '2026-11-17' });
    expect(preview.kind === 'slots' && preview.slots.map((slot) => slot.startsAt)).toEqual([
      '2026-10-20T16:00',
      '2026-11-03T16:00',
      '2026-11-17T16:00',
    ]);
    expect(previewSeries({ ...draft, to: '2026-10-01' }).kind).toBe('none');
    expect(previewSeries({ ...draft, everyWeeks: 1, to: '2028-01-01' }).kind).toBe('too-many');
    expect(previewSeries({ ...draft, from: '' }).kind).toBe('incomplete');
  });
});
