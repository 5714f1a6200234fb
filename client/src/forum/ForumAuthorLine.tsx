import type { ForumAuthor, MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { authorPlace } from './forum-format';

/** "Rita Radomska · Radom · miasto obserwator": who wrote, and for which city. */
export function ForumAuthorLine({ author }: { author: ForumAuthor }) {
  const t = useT();
  const place = authorPlace(author);
  return (
    <span className="forum-author">
      <strong>{author.name}</strong>
      {place && <span> · {'city' in place ? place.city : t(place.roleKey as MessageKey)}</span>}
      {author.observer && <span className="pill forum-pill-observer">{t('forum.author.observer')}</span>}
      {author.role === null && <span className="muted"> · {t('forum.author.left')}</span>}
    </span>
  );
}
