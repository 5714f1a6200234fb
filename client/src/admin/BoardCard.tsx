import { ROLES } from '@empiria/shared';
import type { AdminBoard } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { FormatName } from '../formats/FormatName';
import { InviteRow } from './InviteRow';

export function BoardCard({ board }: { board: AdminBoard }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const created = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(board.createdAt),
  );
  return (
    <article className="card board-card" data-board-id={board.id}>
      <header className="board-card-header">
        <div>
          <h3>{board.title}</h3>
          <p className="muted">
            <FormatName board={board} /> · {t('admin.board.created', { date: created })}
          </p>
        </div>
        <a className="button-secondary" href={board.invites.facilitator} target="_blank" rel="noreferrer">
          {t('admin.board.open')}
        </a>
      </header>
      <h4>{t('admin.invites.heading')}</h4>
      <ul className="invite-list">
        {ROLES.map((role) => (
          <InviteRow key={role} boardId={board.id} role={role} url={board.invites[role]} />
        ))}
      </ul>
    </article>
  );
}
