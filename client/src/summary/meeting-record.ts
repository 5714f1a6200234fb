import {
  attendeeSchema,
  meetingRecordSchema,
  type Attendee,
  type MeetingMode,
  type MeetingRecord,
} from '@empiria/shared';

/**
 * The meeting record form's rules. The record is one Y.Map with each field under its own key,
 * and the server reads it whole with `meetingRecordSchema`: one invalid value would blank the
 * record in every export, so the form writes a value only when its field's schema accepts it.
 */

export type RecordTextField = 'network' | 'meetingTitle' | 'place' | 'facilitator' | 'expert';
export const RECORD_TEXT_FIELDS: readonly RecordTextField[] = [
  'network',
  'meetingTitle',
  'place',
  'facilitator',
  'expert',
];

const shape = meetingRecordSchema.shape;
const DEFAULT_RECORD: MeetingRecord = meetingRecordSchema.parse({});

/**
 * The record field by field: a field that does not validate shows as empty instead of blanking
 * the rest (the server's `readMeetingRecord` is all or nothing).
 */
export function readRecordFields(stored: Record<string, unknown>): MeetingRecord {
  const record = { ...DEFAULT_RECORD };
  for (const key of Object.keys(shape) as (keyof MeetingRecord)[]) {
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) (record as Record<string, unknown>)[key] = parsed.data;
  }
  return record;
}

/** The stored record is readable as a whole (what the exports will show). */
export function recordIsValid(stored: Record<string, unknown>): boolean {
  return meetingRecordSchema.safeParse(stored).success;
}

export type FieldCheck<T> = { ok: true; value: T } | { ok: false };

export function checkTextField(field: RecordTextField, value: string): FieldCheck<string> {
  const parsed = shape[field].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

export function checkDate(value: string): FieldCheck<string> {
  const parsed = shape.date.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

export function checkMode(value: string): FieldCheck<MeetingMode> {
  const parsed = shape.mode.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

/** An attendance row as typed in the form (every field a string; `where` '' when not said). */
export interface AttendeeInput {
  name: string;
  city: string;
  role: string;
  where: '' | 'room' | 'online';
}

export type AttendeeProblem = 'name' | 'city' | 'role';

export function attendeeInput(attendee: Attendee | null): AttendeeInput {
  return attendee
    ? { name: attendee.name, city: attendee.city, role: attendee.role, where: attendee.where ?? '' }
    : { name: '', city: '', role: '', where: '' };
}

/** A row the list may hold, or the fields to fix. */
export function checkAttendee(
  input: AttendeeInput,
): { ok: true; value: Attendee } | { ok: false; problems: AttendeeProblem[] } {
  const parsed = attendeeSchema.safeParse({
    name: input.name.trim(),
    city: input.city.trim(),
    role: input.role.trim(),
    where: input.where === '' ? null : input.where,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = new Set<AttendeeProblem>();
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (key === 'name' || key === 'city' || key === 'role') problems.add(key);
  }
  return { ok: false, problems: [...problems] };
}

/** The list with row `index` replaced (or, when `index` is the length, a row added). */
export function withAttendee(list: readonly Attendee[], index: number, attendee: Attendee): Attendee[] {
  const next = [...list];
  if (index >= next.length) next.push(attendee);
  else next[index] = attendee;
  return next;
}

export function withoutAttendee(list: readonly Attendee[], index: number): Attendee[] {
  return list.filter((_, i) => i !== index);
}
