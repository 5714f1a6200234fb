import type { ForumThreadKind } from '@empiria/shared';
import { useT } from '../i18n/language-store';

export function ForumKindPill({ kind }: { kind: ForumThreadKind }) {
  const t = useT();
  return (
    <span className={`pill forum-kind forum-kind-${kind}`} data-kind={kind}>
      {t(`forum.kind.${kind}`)}
    </span>
  );
}
