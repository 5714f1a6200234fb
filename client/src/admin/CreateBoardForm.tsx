import { useState } from 'react';
import type { FormEvent } from 'react';
import { boardTitleSchema } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';

export function CreateBoardForm() {
  const t = useT();
  const creating = useAdminStore((state) => state.creating);
  const create = useAdminStore((state) => state.create);
  const [title, setTitle] = useState('');
  const valid = boardTitleSchema.safeParse(title).success;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!valid || creating) return;
    if (await create(title.trim())) setTitle('');
  }

  return (
    <form className="card create-board" onSubmit={(event) => void onSubmit(event)}>
      <h2>{t('admin.create.heading')}</h2>
      <div className="create-board-row">
        <label className="field field-grow">
          <span>{t('admin.create.titleLabel')}</span>
          <input
            name="title"
            value={title}
            maxLength={200}
            placeholder={t('admin.create.titlePlaceholder')}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.create.formatLabel')}</span>
          <select name="format" value="blank" disabled>
            <option value="blank">{t('format.blank')}</option>
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={!valid || creating}>
          {creating ? t('admin.create.submitting') : t('admin.create.submit')}
        </button>
      </div>
    </form>
  );
}
