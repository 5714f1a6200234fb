import { useState } from 'react';
import type { FormEvent } from 'react';
import { BOARD_FORMATS, boardFormatSchema, boardTitleSchema } from '@empiria/shared';
import type { BoardFormat } from '@empiria/shared';
import { FormatName } from '../formats/FormatName';
import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';

export function CreateBoardForm() {
  const t = useT();
  const creating = useAdminStore((state) => state.creating);
  const create = useAdminStore((state) => state.create);
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<BoardFormat>('format-0');
  const valid = boardTitleSchema.safeParse(title).success;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!valid || creating) return;
    if (await create(title.trim(), format)) setTitle('');
  }

  return (
    <form className="card create-board" onSubmit={(event) => void onSubmit(event)}>
      <h3>{t('admin.create.heading')}</h3>
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
          <select
            name="format"
            value={format}
            onChange={(event) => setFormat(boardFormatSchema.parse(event.target.value))}
          >
            {BOARD_FORMATS.map((id) => (
              <option key={id} value={id}>
                <FormatName board={{ format: id }} />
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={!valid || creating}>
          {creating ? t('admin.create.submitting') : t('admin.create.submit')}
        </button>
      </div>
    </form>
  );
}
