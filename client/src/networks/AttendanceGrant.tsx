import { useState } from 'react';
import { useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { useAttendanceStore } from './attendance-store';
import { useNetworkStore, type ActionResult } from './network-store';

/**
 * [N18] The pair's switch that lets the organiser edit this meeting's invitee list and send its
 * invitations (the organiser does not invite otherwise, vademecum III.1). Shown to the pair and
 * the office only.
 */
export function AttendanceGrant({ meetingId }: { meetingId: string }) {
  const t = useT();
  const mayGrant = useNetworkStore((state) => state.may('invitations.grant'));
  const granted = useAttendanceStore((state) => state.lists[meetingId]?.organiserMayInvite);
  const setGrant = useAttendanceStore((state) => state.setGrant);
  const [result, setResult] = useState<ActionResult | null>(null);
  // What was just asked for, shown until the server answers (then the stored value is shown).
  const [asked, setAsked] = useState<boolean | null>(null);
  if (!mayGrant || granted === undefined) return null;
  const hintId = `organiser-grant-hint-${meetingId}`;

  return (
    <div className="attendance-list-grant">
      <label className="attendance-list-grant-label">
        <input
          type="checkbox"
          checked={asked ?? granted}
          disabled={asked !== null}
          aria-describedby={hintId}
          onChange={(event) => {
            const next = event.target.checked;
            setAsked(next);
            void setGrant(meetingId, next).then((outcome) => {
              setResult(outcome);
              setAsked(null);
            });
          }}
        />
        {t('attendance.grant.label')}
      </label>
      <small id={hintId} className="muted">
        {t('attendance.grant.hint')}
      </small>
      <ErrorLine result={result} />
    </div>
  );
}
