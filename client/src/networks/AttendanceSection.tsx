import { useState, type FormEvent } from 'react';
import {
  ATTENDANCE_STATUSES,
  WALK_IN_KINDS,
  networkRoleSchema,
  walkInKindSchema,
  type AttendanceEntry,
  type AttendanceStatus,
  type Meeting,
  type WalkInKind,
} from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { useAttendanceStore } from './attendance-store';
import { NONE, useNetworkStore, type ActionResult } from './network-store';

/**
 * A meeting's attendance list as the organiser keeps it (vademecum III.1, [N19]): every invitee
 * and everyone who joined the board, what their answer and the board say, and three buttons to
 * mark them in the room, online or absent; people who came unannounced are added below.
 */
export function AttendanceSection({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const mayKeep = useNetworkStore((state) => state.may('attendance.keep'));
  const list = useAttendanceStore((state) => state.lists[meeting.id]);
  // A disclosure like the invitations' <details>, but a button: the meeting card keeps one <summary>.
  const [open, setOpen] = useState(false);
  if (!mayKeep || !list) return null;
  const present = list.entries.filter((entry) => entry.attended !== null).length;
  const bodyId = `attendance-list-${meeting.id}`;

  return (
    <section className="attendance-list" data-attendance-of={meeting.id}>
      <button
        type="button"
        className="attendance-list-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t('attendance.heading')} · {t('attendance.summary', { count: present })} ·{' '}
        {list.kept ? t('attendance.kept') : t('attendance.notKept')}
      </button>
      {open && <AttendanceBody meetingId={meeting.id} id={bodyId} />}
    </section>
  );
}

function AttendanceBody({ meetingId, id }: { meetingId: string; id: string }) {
  const t = useT();
  const list = useAttendanceStore((state) => state.lists[meetingId]);
  if (!list) return null;
  return (
    <div id={id} className="attendance-list-body">
      <p className="muted attendance-list-intro">{t('attendance.intro')}</p>
      {list.entries.length === 0 ? (
        <p className="muted">{t('attendance.empty')}</p>
      ) : (
        <table className="network-table attendance-list-table">
          <thead>
            <tr>
              <th scope="col">{t('attendance.person')}</th>
              <th scope="col">{t('attendance.evidence')}</th>
              <th scope="col">{t('attendance.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.entries.map((entry) => (
              <AttendanceRow key={entry.key} meetingId={meetingId} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      <AddWalkIn meetingId={meetingId} />
    </div>
  );
}

/** Who the entry is: their role or how they came, and their city or institution. */
function useEntryDescription(entry: AttendanceEntry): string {
  const t = useT();
  const parts: string[] = [];
  if (entry.walkIn) parts.push(t(`attendance.source.${entry.walkIn}`));
  else if (entry.source === 'joined') parts.push(t('attendance.source.joined'));
  else {
    const role = networkRoleSchema.safeParse(entry.role);
    if (role.success) parts.push(t(`networkAdmin.role.${role.data}`));
  }
  if (entry.observer) parts.push(t('attendance.observer'));
  const where = entry.city ?? entry.institution;
  if (where) parts.push(where);
  return parts.join(' · ');
}

function AttendanceRow({ meetingId, entry }: { meetingId: string; entry: AttendanceEntry }) {
  const t = useT();
  const mark = useAttendanceStore((state) => state.mark);
  const removeWalkIn = useAttendanceStore((state) => state.removeWalkIn);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, setSaving] = useState(false);
  const description = useEntryDescription(entry);
  const walkIn = entry.source === 'walk-in';
  // A walk-in was in the room or online: "absent" is removing them.
  const choices: readonly AttendanceStatus[] = walkIn
    ? ATTENDANCE_STATUSES.filter((status) => status !== 'absent')
    : ATTENDANCE_STATUSES;

  async function run(action: () => Promise<ActionResult>) {
    setSaving(true);
    setResult(await action());
    setSaving(false);
  }

  // What the list concludes, and on what: the organiser's mark, else the answer and the board.
  const concluded = entry.mark === 'absent' ? 'absent' : (entry.attended ?? 'none');
  const basis =
    entry.mark !== null
      ? 'attendance.marked'
      : entry.attended !== null
        ? 'attendance.suggested'
        : 'attendance.unmarked';

  const evidence: string[] = [];
  if (entry.answer) evidence.push(t(`networkAdmin.answer.${entry.answer}`));
  else if (entry.source === 'invited') evidence.push(t('networkAdmin.answer.none'));
  if (entry.joined) evidence.push(t(`attendance.joined.${entry.joined}`));

  return (
    <tr data-attendee={entry.name} data-attended={entry.attended ?? 'no'}>
      <th scope="row">
        {entry.name}
        {description && <span className="muted attendance-list-who"> · {description}</span>}
      </th>
      <td className="attendance-list-evidence">{walkIn ? '—' : evidence.join(' · ')}</td>
      <td>
        <div className="attendance-list-status">
          <div
            className="attendance-list-choice"
            role="group"
            aria-label={t('attendance.status.groupLabel', { name: entry.name })}
          >
            {choices.map((status) => (
              <button
                key={status}
                type="button"
                className={`attendance-list-choice-${status}`}
                aria-pressed={entry.mark === status}
                disabled={saving}
                onClick={() => void run(() => mark(meetingId, entry.key, status))}
              >
                {t(`attendance.status.${status}`)}
              </button>
            ))}
          </div>
          {walkIn && (
            <button
              type="button"
              className="button-quiet"
              aria-label={t('attendance.removeNamed', { name: entry.name })}
              disabled={saving}
              onClick={() => void run(() => removeWalkIn(meetingId, entry.key.slice('walk-in:'.length)))}
            >
              {t('attendance.remove')}
            </button>
          )}
        </div>
        <p className={`attendance-list-concluded attendance-list-concluded-${concluded}`}>
          {t(`attendance.concluded.${concluded}`)}
          <span className="muted"> · {t(basis)}</span>
          {entry.mark !== null && !walkIn && (
            <button
              type="button"
              className="attendance-list-undo"
              aria-label={t('attendance.status.clearNamed', { name: entry.name })}
              disabled={saving}
              onClick={() => void run(() => mark(meetingId, entry.key, null))}
            >
              {t('attendance.status.clear')}
            </button>
          )}
        </p>
        <ErrorLine result={result} />
      </td>
    </tr>
  );
}

function AddWalkIn({ meetingId }: { meetingId: string }) {
  const t = useT();
  const members = useNetworkStore((state) => state.detail?.members) ?? NONE;
  const addWalkIn = useAttendanceStore((state) => state.addWalkIn);
  const [kind, setKind] = useState<WalkInKind>('substitute');
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const [institution, setInstitution] = useState('');
  const [where, setWhere] = useState<'room' | 'online'>('room');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, setSaving] = useState(false);
  const complete = name.trim() !== '' && (kind === 'substitute' ? city !== '' : institution.trim() !== '');
  const errorId = `walk-in-error-${meetingId}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!complete || saving) return;
    setSaving(true);
    const outcome = await addWalkIn(
      meetingId,
      kind === 'substitute'
        ? { kind, name: name.trim(), city, status: where }
        : { kind, name: name.trim(), institution: institution.trim(), status: where },
    );
    setSaving(false);
    setResult(outcome);
    if (outcome.ok) {
      setName('');
      setInstitution('');
    }
  }

  return (
    <form
      className="network-form attendance-list-add"
      aria-label={t('attendance.add.heading')}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h4>{t('attendance.add.heading')}</h4>
      <div className="network-form-row">
        <label className="field">
          <span>{t('attendance.add.kind')}</span>
          <select
            name="kind"
            value={kind}
            onChange={(event) => {
              setKind(walkInKindSchema.parse(event.target.value));
              setResult(null);
            }}
          >
            {WALK_IN_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`attendance.add.kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span>{t('attendance.add.name')}</span>
          <input
            name="name"
            value={name}
            maxLength={80}
            aria-describedby={errorId}
            onChange={(event) => {
              setName(event.target.value);
              setResult(null);
            }}
          />
        </label>
        {kind === 'substitute' ? (
          <label className="field">
            <span>{t('attendance.add.city')}</span>
            <select name="city" value={city} onChange={(event) => setCity(event.target.value)}>
              <option value="">{t('attendance.add.chooseCity')}</option>
              {members.map((member) => (
                <option key={member.cityId} value={member.city}>
                  {member.city}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field field-grow">
            <span>{t('attendance.add.institution')}</span>
            <input
              name="institution"
              value={institution}
              maxLength={80}
              onChange={(event) => setInstitution(event.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span>{t('attendance.add.where')}</span>
          <select
            name="where"
            value={where}
            onChange={(event) => setWhere(event.target.value === 'online' ? 'online' : 'room')}
          >
            <option value="room">{t('attendance.status.room')}</option>
            <option value="online">{t('attendance.status.online')}</option>
          </select>
        </label>
        <button type="submit" className="button-secondary" disabled={!complete || saving}>
          {t('attendance.add.submit')}
        </button>
      </div>
      <ErrorLine result={result} id={errorId} />
    </form>
  );
}
