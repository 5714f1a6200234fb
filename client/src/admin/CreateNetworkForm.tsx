import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';
import { createNetwork } from '../networks/network-api-client';
import { actionError, type ActionError } from '../networks/network-errors';

/** "Nowa sieć" on the office's home: name and theme, then straight to the network's page. */
export function CreateNetworkForm() {
  const t = useT();
  const token = useAdminStore((state) => state.token);
  const [name, setName] = useState('');
  const [theme, setTheme] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const valid = name.trim() !== '' && theme.trim() !== '';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!token || !valid || saving) return;
    setSaving(true);
    setError(null);
    try {
      const { id } = await createNetwork(token, { name: name.trim(), theme: theme.trim() });
      window.location.assign(`/n/${encodeURIComponent(id)}`);
    } catch (failure) {
      setError(actionError(failure));
      setSaving(false);
    }
  }

  return (
    <form
      className="card create-board"
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="create-network-heading"
    >
      <h2 id="create-network-heading">{t('networkAdmin.create.heading')}</h2>
      <div className="create-board-row">
        <label className="field field-grow">
          <span>{t('networkAdmin.network.name')}</span>
          <input
            name="networkName"
            value={name}
            maxLength={200}
            placeholder={t('networkAdmin.create.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field field-grow">
          <span>{t('networkAdmin.network.theme')}</span>
          <input
            name="networkTheme"
            value={theme}
            maxLength={200}
            placeholder={t('networkAdmin.create.themePlaceholder')}
            onChange={(event) => setTheme(event.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" disabled={!valid || saving}>
          {t('networkAdmin.create.submit')}
        </button>
      </div>
      {error && (
        <p className="network-error" role="alert">
          {t(error.key)}
        </p>
      )}
    </form>
  );
}
