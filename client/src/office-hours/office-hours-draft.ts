import {
  expandOfficeHoursSeries,
  OFFICE_HOURS_MAX_SLOTS,
  warsawDate,
  type CreateOfficeHoursSeriesRequest,
  type ExpandedSlot,
  type IsoWeekday,
} from '@empiria/shared';

/** The series form as typed: everything a string or a number the inputs hold. */
export interface SeriesDraft {
  weekday: IsoWeekday;
  startTime: string;
  minutes: number;
  everyWeeks: number;
  from: string;
  to: string;
  where: 'online' | 'in-person';
  url: string;
  place: string;
}

/** The vademecum's rhythm: an hour every two weeks, from today for about three months. */
export function emptySeriesDraft(now: Date): SeriesDraft {
  return {
    weekday: 2,
    startTime: '16:00',
    minutes: 60,
    everyWeeks: 2,
    from: warsawDate(now),
    to: warsawDate(new Date(now.getTime() + 91 * 24 * 60 * 60 * 1000)),
    where: 'online',
    url: '',
    place: '',
  };
}

export function seriesRequest(draft: SeriesDraft): CreateOfficeHoursSeriesRequest {
  return {
    weekday: draft.weekday,
    startTime: draft.startTime,
    minutes: draft.minutes,
    everyWeeks: draft.everyWeeks,
    from: draft.from,
    to: draft.to,
    location:
      draft.where === 'online'
        ? { kind: 'online', url: draft.url.trim() }
        : { kind: 'in-person', place: draft.place },
  };
}

export type SeriesPreview =
  | { kind: 'slots'; slots: ExpandedSlot[] }
  | { kind: 'none' }
  | { kind: 'too-many' }
  /** The dates or time are not filled in yet. */
  | { kind: 'incomplete' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the series would make, shown before it is published (the server expands it the same way). */
export function previewSeries(draft: SeriesDraft): SeriesPreview {
  if (!DATE.test(draft.from) || !DATE.test(draft.to) || !TIME.test(draft.startTime))
    return { kind: 'incomplete' };
  if (draft.to < draft.from || draft.everyWeeks < 1 || draft.minutes < 1) return { kind: 'none' };
  const slots = expandOfficeHoursSeries({ ...draft });
  if (slots.length === 0) return { kind: 'none' };
  if (slots.length > OFFICE_HOURS_MAX_SLOTS) return { kind: 'too-many' };
  return { kind: 'slots', slots };
}
