import { useState, type FormEvent } from 'react';
import {
  NETWORK_ROLES,
  networkRoleSchema,
  representsCity,
  type NetworkPerson,
  type NetworkRole,
} from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { PersonalLinkActions } from './PersonalLinkActions';
import { NONE, useNetworkStore, type ActionResult } from './network-store';
import { peopleInOrder } from './people-order';

/** The network's people by city, with their roles and — for the office and the pair — their personal links. */
export function PeopleSection() {
  const t = useT();
  const people = useNetworkStore((state) => state.detail?.people) ?? NONE;
  const mayManage = useNetworkStore((state) => state.may('members.manage'));
  const mayLinks = useNetworkStore((state) => state.may('links.manage'));

  return (
    <section className="card network-section" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('networkAdmin.people.heading')}</h2>
      {mayLinks && <p className="muted">{t('networkAdmin.people.linksHint')}</p>}
      {people.length === 0 ? (
        <p className="muted">{t('networkAdmin.people.empty')}</p>
      ) : (
        <table className="network-table">
          <thead>
            <tr>
              <th scope="col">{t('networkAdmin.people.name')}</th>
              <th scope="col">{t('networkAdmin.people.city')}</th>
              <th scope="col">{t('networkAdmin.people.role')}</th>
              <th scope="col">{t('networkAdmin.people.email')}</th>
              {(mayLinks || mayManage) && <th scope="col">{t('networkAdmin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {peopleInOrder(people).map((person) => (
              <PersonRow key={person.id} person={person} mayManage={mayManage} mayLinks={mayLinks} />
            ))}
          </tbody>
        </table>
      )}
      {mayManage && <AddPersonForm />}
    </section>
  );
}

function PersonRow({
  person,
  mayManage,
  mayLinks,
}: {
  person: NetworkPerson;
  mayManage: boolean;
  mayLinks: boolean;
}) {
  const t = useT();
  const removePerson = useNetworkStore((state) => state.removePerson);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  return (
    <tr data-person={person.name}>
      <th scope="row">{person.name}</th>
      <td>{person.city ?? '—'}</td>
      <td>{t(`networkAdmin.role.${person.role}`)}</td>
      <td>{person.email ?? <span className="muted">—</span>}</td>
      {(mayLinks || mayManage) && (
        <td className="network-row-actions">
          {mayLinks && person.link && <PersonalLinkActions person={person} link={person.link} />}
          {mayManage && !confirming && (
            <button
              type="button"
              className="button-quiet"
              aria-label={t('networkAdmin.people.removeNamed', { name: person.name })}
              onClick={() => setConfirming(true)}
            >
              {t('networkAdmin.remove')}
            </button>
          )}
          {confirming && (
            <div
              className="confirm"
              role="alertdialog"
              aria-label={t('networkAdmin.people.removeNamed', { name: person.name })}
            >
              <p>{t('networkAdmin.people.removeQuestion', { name: person.name })}</p>
              <div className="confirm-actions">
                <button
                  type="button"
                  className="button-danger"
                  onClick={() =>
                    void removePerson(person.id).then((outcome) => {
                      setResult(outcome);
                      setConfirming(false);
                    })
                  }
                >
                  {t('networkAdmin.people.removeConfirm')}
                </button>
                <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          <ErrorLine result={result} />
        </td>
      )}
    </tr>
  );
}

/** Most people added are cities' representatives; the form starts (and starts again) there. */
const DEFAULT_ROLE: NetworkRole = 'representative';

function AddPersonForm() {
  const t = useT();
  const addPerson = useNetworkStore((state) => state.addPerson);
  const cities = (useNetworkStore((state) => state.detail?.members) ?? NONE).map((member) => member.city);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [city, setCity] = useState('');
  const [role, setRole] = useState<NetworkRole>(DEFAULT_ROLE);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || saving) return;
    setSaving(true);
    const outcome = await addPerson({
      name: name.trim(),
      role,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(city ? { city } : {}),
    });
    setSaving(false);
    setResult(outcome);
    // Every field back to its default, so the next person does not inherit the last one's city or role.
    if (outcome.ok) {
      setName('');
      setEmail('');
      setCity('');
      setRole(DEFAULT_ROLE);
    }
  }

  return (
    <form
      className="network-form"
      aria-label={t('networkAdmin.people.add')}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3>{t('networkAdmin.people.add')}</h3>
      <div className="network-form-row">
        <label className="field field-grow">
          <span>{t('networkAdmin.people.name')}</span>
          <input name="name" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field field-grow">
          <span>{t('networkAdmin.people.emailOptional')}</span>
          <input
            name="email"
            type="email"
            value={email}
            maxLength={200}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('networkAdmin.people.role')}</span>
          <select
            name="role"
            value={role}
            onChange={(event) => setRole(networkRoleSchema.parse(event.target.value))}
          >
            {NETWORK_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`networkAdmin.role.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('networkAdmin.people.city')}</span>
          <select name="city" value={city} onChange={(event) => setCity(event.target.value)}>
            <option value="">
              {representsCity(role) ? t('networkAdmin.people.chooseCity') : t('networkAdmin.people.noCity')}
            </option>
            {cities.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={!name.trim() || saving}>
          {t('networkAdmin.people.addSubmit')}
        </button>
      </div>
      <ErrorLine result={result} />
    </form>
  );
}
