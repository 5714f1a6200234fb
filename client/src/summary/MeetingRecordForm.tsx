import { useId, useState } from 'react';
import {
  MEETING_MODES,
  partitionAttendance,
  roleSchema,
  type Attendee,
  type MeetingRecord,
} from '@empiria/shared';
import { useT, type Translate } from '../i18n/language-store';
import {
  RECORD_TEXT_FIELDS,
  attendeeInput,
  checkAttendee,
  checkDate,
  checkMode,
  checkTextField,
  withAttendee,
  withoutAttendee,
  type AttendeeInput,
  type AttendeeProblem,
  type RecordTextField,
} from './meeting-record';
import { useSummaryStore } from './summary-store';

const ROLE_CHOICES = ['participant', 'facilitator', 'expert', 'organiser', 'guest'] as const;

function roleLabel(t: Translate, role: string): string {
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? t(`role.${parsed.data}`) : role;
}

function whereLabel(t: Translate, where: Attendee['where']): string {
  return where === 'room' ? t('record.where.room') : where === 'online' ? t('record.where.online') : '—';
}

/** The meeting record: the pair fills it in (each field saved as typed), everyone else reads it. */
export function MeetingRecordForm() {
  const t = useT();
  const record = useSummaryStore((state) => state.snapshot?.content.record);
  const recordValid = useSummaryStore((state) => state.snapshot?.content.recordValid ?? true);
  const canWrite = useSummaryStore((state) => state.session?.canWrite ?? false);
  const setRecord = useSummaryStore((state) => state.setRecord);
  if (!record) return null;

  return (
    <section className="record" aria-labelledby="record-heading" data-testid="meeting-record">
      <h3 id="record-heading">{t('record.heading')}</h3>
      {!recordValid && canWrite && <p className="alert alert-warning">{t('record.invalid')}</p>}
      {canWrite ? (
        <div className="record-grid">
          {RECORD_TEXT_FIELDS.map((field) => (
            <TextField key={field} field={field} value={record[field]} onSave={(v) => setRecord(field, v)} />
          ))}
          <label className="field">
            <span>{t('record.date')}</span>
            <input
              type="date"
              name="date"
              value={record.date}
              onChange={(event) => {
                const checked = checkDate(event.target.value);
                if (checked.ok) setRecord('date', checked.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('record.mode')}</span>
            <select
              name="mode"
              value={record.mode}
              onChange={(event) => {
                const checked = checkMode(event.target.value);
                if (checked.ok) setRecord('mode', checked.value);
              }}
            >
              {MEETING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`record.mode.${mode}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : (
        <RecordFacts record={record} />
      )}
      <Attendance list={record.attendance} canWrite={canWrite} />
    </section>
  );
}

function TextField({
  field,
  value,
  onSave,
}: {
  field: RecordTextField;
  value: string;
  onSave: (value: string) => void;
}) {
  const t = useT();
  return (
    <label className="field">
      <span>{t(`record.${field}`)}</span>
      <input
        type="text"
        name={field}
        value={value}
        maxLength={200}
        onChange={(event) => {
          const checked = checkTextField(field, event.target.value);
          if (checked.ok) onSave(checked.value);
        }}
      />
    </label>
  );
}

function RecordFacts({ record }: { record: MeetingRecord }) {
  const t = useT();
  const rows: [string, string][] = [
    [t('record.network'), record.network],
    [t('record.meetingTitle'), record.meetingTitle],
    [t('record.date'), record.date],
    [t('record.mode'), t(`record.mode.${record.mode}`)],
    [t('record.place'), record.place],
    [t('record.facilitator'), record.facilitator],
    [t('record.expert'), record.expert],
  ];
  return (
    <dl className="record-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value.trim() || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Attendance({ list, canWrite }: { list: Attendee[]; canWrite: boolean }) {
  const t = useT();
  const setRecord = useSummaryStore((state) => state.setRecord);
  const [editing, setEditing] = useState<number | null>(null);
  const save = (index: number, attendee: Attendee) => {
    setRecord('attendance', withAttendee(list, index, attendee));
    setEditing(null);
  };
  // The cities' attendance, and guest experts apart from it, as the exports list them ([G4]).
  const { members, guests } = partitionAttendance(list);
  const rows = { list, canWrite, editing, setEditing, save };
  return (
    <div className="attendance">
      <h4>{t('record.attendance', { count: members.length })}</h4>
      {list.length === 0 ? (
        <p className="muted">{t(canWrite ? 'record.attendanceEmptyLead' : 'record.attendanceEmpty')}</p>
      ) : (
        members.length > 0 && <AttendanceTable {...rows} entries={members} testId="attendance" />
      )}
      {guests.length > 0 && (
        <>
          <h4 data-testid="attendance-guests-heading">
            {t('guest.recordHeading')} ({guests.length})
          </h4>
          <AttendanceTable {...rows} entries={guests} testId="attendance-guests" guests />
        </>
      )}
      {canWrite && editing === null && <AddAttendee onAdd={(attendee) => save(list.length, attendee)} />}
    </div>
  );
}

function AttendanceTable({
  list,
  entries,
  canWrite,
  editing,
  setEditing,
  save,
  testId,
  guests = false,
}: {
  list: Attendee[];
  entries: { row: Attendee; index: number }[];
  canWrite: boolean;
  editing: number | null;
  setEditing: (index: number | null) => void;
  save: (index: number, attendee: Attendee) => void;
  testId: string;
  guests?: boolean;
}) {
  const t = useT();
  const setRecord = useSummaryStore((state) => state.setRecord);
  return (
    <table className="attendance-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('record.person.name')}</th>
          <th scope="col">{t(guests ? 'guest.institutionLabel' : 'record.person.city')}</th>
          <th scope="col">{t('record.person.role')}</th>
          <th scope="col">{t('record.person.where')}</th>
          {canWrite && (
            <th scope="col">
              <span className="visually-hidden">{t('record.person.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {entries.map(({ row: person, index }) =>
          canWrite && editing === index ? (
            <tr key={index}>
              <td colSpan={5}>
                <AttendeeEditor
                  initial={attendeeInput(person)}
                  submitLabel={t('record.person.save')}
                  onSubmit={(attendee) => save(index, attendee)}
                  onCancel={() => setEditing(null)}
                />
              </td>
            </tr>
          ) : (
            <tr key={index}>
              <td>{person.name}</td>
              <td>{person.city}</td>
              <td>{roleLabel(t, person.role)}</td>
              <td>{whereLabel(t, person.where)}</td>
              {canWrite && (
                <td className="attendance-actions">
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => setEditing(index)}
                    aria-label={t('record.person.editAria', { name: person.name })}
                  >
                    {t('record.person.edit')}
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => setRecord('attendance', withoutAttendee(list, index))}
                    aria-label={t('record.person.removeAria', { name: person.name })}
                  >
                    {t('record.person.remove')}
                  </button>
                </td>
              )}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function AddAttendee({ onAdd }: { onAdd: (attendee: Attendee) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="button-secondary"
        onClick={() => setOpen(true)}
        data-testid="attendee-add"
      >
        {t('record.person.add')}
      </button>
    );
  }
  return (
    <AttendeeEditor
      initial={{ ...attendeeInput(null), role: 'participant' }}
      submitLabel={t('record.person.addSubmit')}
      onSubmit={(attendee) => {
        onAdd(attendee);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

function AttendeeEditor({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: AttendeeInput;
  submitLabel: string;
  onSubmit: (attendee: Attendee) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [input, setInput] = useState(initial);
  const [problems, setProblems] = useState<AttendeeProblem[]>([]);
  const set = (patch: Partial<AttendeeInput>) => setInput({ ...input, ...patch });
  const roles: string[] = [...ROLE_CHOICES];
  if (input.role && !roles.includes(input.role)) roles.push(input.role);
  return (
    <form
      className="attendee-editor"
      data-testid="attendee-editor"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkAttendee(input);
        if (checked.ok) onSubmit(checked.value);
        else setProblems(checked.problems);
      }}
    >
      <label className="field">
        <span>{t('record.person.name')}</span>
        <input
          name="attendee-name"
          value={input.name}
          maxLength={80}
          aria-invalid={problems.includes('name')}
          onChange={(e) => set({ name: e.target.value })}
          autoFocus
        />
      </label>
      <label className="field">
        <span>{t('record.person.city')}</span>
        <input
          name="attendee-city"
          value={input.city}
          maxLength={80}
          aria-invalid={problems.includes('city')}
          onChange={(e) => set({ city: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('record.person.role')}</span>
        <select name="attendee-role" value={input.role} onChange={(e) => set({ role: e.target.value })}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(t, role)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="attendee-where">
        <legend>{t('record.person.where')}</legend>
        {(['room', 'online', ''] as const).map((where) => (
          <label key={where || 'unknown'}>
            <input
              type="radio"
              name={`${id}-where`}
              checked={input.where === where}
              onChange={() => set({ where })}
            />{' '}
            {where === '' ? t('record.where.unknown') : t(`record.where.${where}`)}
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <p className="form-error" role="alert">
          {t('record.person.problem')}
        </p>
      )}
      <div className="attendee-editor-actions">
        <button type="submit" className="button-primary">
          {submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
