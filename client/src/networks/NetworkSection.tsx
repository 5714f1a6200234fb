import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/language-store';
import type { ActionResult } from './network-store';
import { useNetworkStore } from './network-store';
import { ErrorLine } from './ErrorLine';

/** The network itself: name, theme, description, who runs it; the pair and the office edit it (N1/N2). */
export function NetworkSection() {
  const t = useT();
  const detail = useNetworkStore((state) => state.detail);
  const mayEdit = useNetworkStore((state) => state.may('network.edit'));
  const actor = useNetworkStore((state) => state.actor);
  const [editing, setEditing] = useState(false);
  if (!detail) return null;
  const { network, people } = detail;
  const named = (role: string) =>
    people
      .filter((person) => person.role === role)
      .map((person) => person.name)
      .join(', ');

  return (
    <section className="card network-section" aria-labelledby="network-heading">
      <div className="network-section-header">
        <div>
          <p className="eyebrow">{t('networkAdmin.network.eyebrow')}</p>
          <h1 id="network-heading">{network.name}</h1>
          <p className="lead">{network.theme}</p>
        </div>
        {actor?.kind === 'person' && (
          <span className="pill">
            {t('networkAdmin.youAre', { role: t(`networkAdmin.role.${actor.role}`) })}
          </span>
        )}
      </div>
      {network.description && <p className="network-description">{network.description}</p>}
      <dl className="network-facts">
        <div>
          <dt>{t('networkAdmin.role.facilitator')}</dt>
          <dd>{named('facilitator') || t('networkAdmin.nobodyYet')}</dd>
        </div>
        <div>
          <dt>{t('networkAdmin.network.experts')}</dt>
          <dd>{named('expert') || t('networkAdmin.nobodyYet')}</dd>
        </div>
        <div>
          <dt>{t('networkAdmin.role.organiser')}</dt>
          <dd>{named('organiser') || t('networkAdmin.nobodyYet')}</dd>
        </div>
      </dl>
      {mayEdit && !editing && (
        <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
          {t('networkAdmin.network.edit')}
        </button>
      )}
      {editing && <NetworkEditForm initial={network} onDone={() => setEditing(false)} />}
    </section>
  );
}

function NetworkEditForm({
  initial,
  onDone,
}: {
  initial: { name: string; theme: string; description: string };
  onDone: () => void;
}) {
  const t = useT();
  const save = useNetworkStore((state) => state.saveNetwork);
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const outcome = await save(values);
    setSaving(false);
    setResult(outcome);
    if (outcome.ok) onDone();
  }

  return (
    <form className="network-form" onSubmit={(event) => void onSubmit(event)}>
      <div className="network-form-row">
        <label className="field field-grow">
          <span>{t('networkAdmin.network.name')}</span>
          <input
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
        </label>
        <label className="field field-grow">
          <span>{t('networkAdmin.network.theme')}</span>
          <input
            required
            maxLength={200}
            value={values.theme}
            onChange={(event) => setValues({ ...values, theme: event.target.value })}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('networkAdmin.network.description')}</span>
        <textarea
          rows={3}
          maxLength={4000}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
      </label>
      <ErrorLine result={result} />
      <div className="network-form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {t('networkAdmin.save')}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
