import { ROLES } from '@empiria/shared';
import type { AdminBoard } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { FormatName } from '../formats/FormatName';
import { InviteRow } from './InviteRow';
import { useMeetingBoardsStore } from './meeting-boards-store';

/**
 * A board on the admin home. A network meeting's board says whose meeting it is and folds its
 * invite links away: its people come through their personal links, the office rarely needs these.
 */
export function BoardCard({ board }: { board: AdminBoard }) {
  const t = useT();
  const owner = useMeetingBoardsStore((state) => state.owners.get(board.id));
  const meetingBoard = owner !== undefined || board.agenda !== undefined;
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
          {meetingBoard && (
            <p className="board-card-owner" data-testid="board-owner">
              {owner ? (
                <>
                  {t('networkAdmin.boards.meetingOf')}{' '}
                  <a href={`/n/${encodeURIComponent(owner.networkId)}`}>{owner.network}</a>
                </>
              ) : (
                t('networkAdmin.boards.meetingBoard')
              )}
            </p>
          )}
        </div>
        <a className="button-secondary" href={board.invites.facilitator} target="_blank" rel="noreferrer">
          {t('admin.board.open')}
        </a>
      </header>
      {meetingBoard ? (
        <details className="board-card-invites">
          <summary>{t('admin.invites.heading')}</summary>
          <InviteList board={board} />
        </details>
      ) : (
        <>
          <h4>{t('admin.invites.heading')}</h4>
          <InviteList board={board} />
        </>
      )}
    </article>
  );
}

function InviteList({ board }: { board: AdminBoard }) {
  return (
    <ul className="invite-list">
      {ROLES.map((role) => (
        <InviteRow key={role} boardId={board.id} role={role} url={board.invites[role]} />
      ))}
    </ul>
  );
}
