import { useState, type FormEvent } from 'react';
import {
  MEMBERSHIP_TYPES,
  MIN_REPRESENTATIVES,
  isCoreMembership,
  membershipTypeSchema,
  type MemberCity,
  type MembershipType,
} from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { NONE, useNetworkStore, type ActionResult } from './network-store';

/** Member cities with their membership type (II.1): add, change type, remove (N1/N2). */
export function MembersSection() {
  const t = useT();
  const members = useNetworkStore((state) => state.detail?.members) ?? NONE;
  const mayManage = useNetworkStore((state) => state.may('members.manage'));
  const core = members.filter((member) => isCoreMembership(member.membership)).length;

  return (
    <section className="card network-section" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('networkAdmin.members.heading')}</h2>
      <p className="muted">
        {t('networkAdmin.members.summary', { count: members.length, core, observers: members.length - core })}
      </p>
      {members.length === 0 ? (
        <p className="muted">{t('networkAdmin.members.empty')}</p>
      ) : (
        <table className="network-table">
          <thead>
            <tr>
              <th scope="col">{t('networkAdmin.members.city')}</th>
              <th scope="col">{t('networkAdmin.members.membership')}</th>
              <th scope="col">{t('networkAdmin.members.representatives')}</th>
              {mayManage && <th scope="col">{t('networkAdmin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow key={member.cityId} member={member} mayManage={mayManage} />
            ))}
          </tbody>
        </table>
      )}
      {mayManage && <AddMemberForm />}
    </section>
  );
}

function MemberRow({ member, mayManage }: { member: MemberCity; mayManage: boolean }) {
  const t = useT();
  const changeMembership = useNetworkStore((state) => state.changeMembership);
  const removeMember = useNetworkStore((state) => state.removeMember);
  const [result, setResult] = useState<ActionResult | null>(null);
  const short = isCoreMembership(member.membership) && member.representatives < MIN_REPRESENTATIVES;

  return (
    <tr data-city={member.city}>
      <th scope="row">{member.city}</th>
      <td>
        {mayManage ? (
          <select
            aria-label={t('networkAdmin.members.membershipOf', { city: member.city })}
            value={member.membership}
            onChange={(event) =>
              void changeMembership(member.cityId, membershipTypeSchema.parse(event.target.value)).then(
                setResult,
              )
            }
          >
            {MEMBERSHIP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`networkAdmin.membership.${type}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`networkAdmin.membership.${member.membership}`)
        )}
      </td>
      <td>
        {t('networkAdmin.members.representativeCount', { count: member.representatives })}
        {member.substitutes > 0 && (
          <> · {t('networkAdmin.members.substituteCount', { count: member.substitutes })}</>
        )}
        {short && (
          <span className="network-warning">
            {' '}
            · {t('networkAdmin.members.short', { min: MIN_REPRESENTATIVES })}
          </span>
        )}
      </td>
      {mayManage && (
        <td>
          <button
            type="button"
            className="button-quiet"
            aria-label={t('networkAdmin.members.removeCity', { city: member.city })}
            onClick={() => void removeMember(member.cityId).then(setResult)}
          >
            {t('networkAdmin.remove')}
          </button>
          <ErrorLine result={result} />
        </td>
      )}
    </tr>
  );
}

/** Most cities of a network are programme laureates; the form starts (and starts again) there. */
const DEFAULT_MEMBERSHIP: MembershipType = 'programme-laureate';

function AddMemberForm() {
  const t = useT();
  const addMember = useNetworkStore((state) => state.addMember);
  const [city, setCity] = useState('');
  const [membership, setMembership] = useState<MembershipType>(DEFAULT_MEMBERSHIP);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!city.trim() || saving) return;
    setSaving(true);
    const outcome = await addMember({ city: city.trim(), membership });
    setSaving(false);
    setResult(outcome);
    // Back to the defaults, so the next city is not silently added as an observer because the last one was.
    if (outcome.ok) {
      setCity('');
      setMembership(DEFAULT_MEMBERSHIP);
    }
  }

  return (
    <form
      className="network-form"
      aria-label={t('networkAdmin.members.add')}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3>{t('networkAdmin.members.add')}</h3>
      <div className="network-form-row">
        <label className="field field-grow">
          <span>{t('networkAdmin.members.city')}</span>
          <input
            name="city"
            value={city}
            maxLength={80}
            placeholder={t('networkAdmin.members.cityPlaceholder')}
            aria-describedby="add-member-error"
            onChange={(event) => {
              setCity(event.target.value);
              setResult(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t('networkAdmin.members.membership')}</span>
          <select
            name="membership"
            value={membership}
            onChange={(event) => setMembership(membershipTypeSchema.parse(event.target.value))}
          >
            {MEMBERSHIP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`networkAdmin.membership.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={!city.trim() || saving}>
          {t('networkAdmin.members.addSubmit')}
        </button>
      </div>
      <ErrorLine result={result} id="add-member-error" />
    </form>
  );
}
