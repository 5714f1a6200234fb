import { useState } from 'react';
import { mayManageInvitations, type Invitation, type Meeting } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { AttendanceGrant } from './AttendanceGrant';
import { ErrorLine } from './ErrorLine';
import { SendInvitationsButton } from './SendInvitationsButton';
import { useAttendanceStore } from './attendance-store';
import { NONE, useNetworkStore, type ActionResult } from './network-store';

/**
 * A meeting's invitations: who is invited and what each answered (the attendance list starts from
 * them), the invitee list's changes for the pair (N2) — and for the organiser when the pair granted
 * it for this meeting (N18) —, the calendar file, and the meeting's board.
 */
export function InvitationsSection({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const invitations = useNetworkStore((state) => state.invitations[meeting.id]);
  const mayView = useNetworkStore((state) => state.may('invitations.view'));
  const organiserMayInvite = useAttendanceStore(
    (state) => state.lists[meeting.id]?.organiserMayInvite ?? false,
  );
  const mayManage = useNetworkStore(
    (state) =>
      state.actor !== null && mayManageInvitations(state.actor, meeting.networkId, { organiserMayInvite }),
  );
  const granted = useNetworkStore(
    (state) => organiserMayInvite && !state.may('invitations.manage') && mayManage,
  );
  const boardLink = useNetworkStore((state) => state.boardLinks[meeting.boardId]);
  const downloadCalendar = useNetworkStore((state) => state.downloadCalendar);
  const loadInvitations = useNetworkStore((state) => state.loadInvitations);
  const access = useNetworkStore((state) => state.access);
  const [result, setResult] = useState<ActionResult | null>(null);
  if (!mayView) return null;
  const list = invitations ?? [];
  const nameOf = (personId: string | null) => list.find((entry) => entry.personId === personId)?.name ?? '';

  return (
    <details className="invitations" data-invitations-of={meeting.id}>
      <summary>
        {t('networkAdmin.invitations.heading', { count: list.length })} ·{' '}
        {t('networkAdmin.invitations.answeredCount', {
          count: list.filter((entry) => entry.answer !== null).length,
        })}
      </summary>
      <div className="invitations-tools">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void downloadCalendar(meeting.id, `${meeting.startsAt.slice(0, 10)}-${meeting.title}.ics`).then(
              setResult,
            )
          }
        >
          {t('networkAdmin.invitations.ics')}
        </button>
        {boardLink && (
          <a className="button-secondary" href={boardLink} target="_blank" rel="noreferrer">
            {t('networkAdmin.invitations.openBoard')}
          </a>
        )}
      </div>
      <ErrorLine result={result} />
      <AttendanceGrant meetingId={meeting.id} />
      {granted && <p className="attendance-list-grant-given">{t('attendance.grant.given')}</p>}
      {mayManage && access && (
        <SendInvitationsButton
          token={access.token}
          networkId={meeting.networkId}
          meetingId={meeting.id}
          onSent={() => void loadInvitations(meeting.id)}
        />
      )}
      {list.length === 0 ? (
        <p className="muted">{t('networkAdmin.invitations.empty')}</p>
      ) : (
        <table className="network-table">
          <thead>
            <tr>
              <th scope="col">{t('networkAdmin.people.name')}</th>
              <th scope="col">{t('networkAdmin.people.city')}</th>
              <th scope="col">{t('networkAdmin.invitations.answer')}</th>
              {mayManage && <th scope="col">{t('networkAdmin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((invitation) => (
              <InvitationRow
                key={invitation.personId}
                meetingId={meeting.id}
                invitation={invitation}
                substituteName={nameOf(invitation.substituteId)}
                substituteForName={nameOf(invitation.substituteFor)}
                mayManage={mayManage}
              />
            ))}
          </tbody>
        </table>
      )}
      {mayManage && <AddInvitee meetingId={meeting.id} invited={list} />}
    </details>
  );
}

function InvitationRow({
  meetingId,
  invitation,
  substituteName,
  substituteForName,
  mayManage,
}: {
  meetingId: string;
  invitation: Invitation;
  substituteName: string;
  substituteForName: string;
  mayManage: boolean;
}) {
  const t = useT();
  const removeInvitee = useNetworkStore((state) => state.removeInvitee);
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <tr data-invitee={invitation.name}>
      <th scope="row">
        {invitation.name}
        {invitation.role && <span className="muted"> · {t(`networkAdmin.role.${invitation.role}`)}</span>}
        {substituteForName && (
          <span className="muted">
            {' '}
            · {t('networkAdmin.invitations.substituteFor', { name: substituteForName })}
          </span>
        )}
      </th>
      <td>{invitation.city ?? '—'}</td>
      <td className={invitation.answer ? `answer answer-${invitation.answer}` : 'answer muted'}>
        {invitation.answer ? t(`networkAdmin.answer.${invitation.answer}`) : t('networkAdmin.answer.none')}
        {substituteName && <> · {t('networkAdmin.invitations.substitute', { name: substituteName })}</>}
      </td>
      {mayManage && (
        <td>
          <button
            type="button"
            className="button-quiet"
            aria-label={t('networkAdmin.invitations.removeNamed', { name: invitation.name })}
            onClick={() => void removeInvitee(meetingId, invitation.personId).then(setResult)}
          >
            {t('networkAdmin.invitations.remove')}
          </button>
          <ErrorLine result={result} />
        </td>
      )}
    </tr>
  );
}

function AddInvitee({ meetingId, invited }: { meetingId: string; invited: readonly Invitation[] }) {
  const t = useT();
  const people = useNetworkStore((state) => state.detail?.people) ?? NONE;
  const addInvitee = useNetworkStore((state) => state.addInvitee);
  const [personId, setPersonId] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const invitedIds = new Set(invited.map((entry) => entry.personId));
  const candidates = people.filter((person) => !invitedIds.has(person.id));
  if (candidates.length === 0) return null;

  return (
    <div className="network-form-row invitations-add">
      <label className="field field-grow">
        <span>{t('networkAdmin.invitations.add')}</span>
        <select value={personId} onChange={(event) => setPersonId(event.target.value)}>
          <option value="">{t('networkAdmin.invitations.choosePerson')}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
              {person.city ? ` (${person.city})` : ''} – {t(`networkAdmin.role.${person.role}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button-secondary"
        disabled={!personId}
        onClick={() =>
          void addInvitee(meetingId, personId).then((outcome) => {
            setResult(outcome);
            if (outcome.ok) setPersonId('');
          })
        }
      >
        {t('networkAdmin.invitations.addSubmit')}
      </button>
      <ErrorLine result={result} />
    </div>
  );
}
