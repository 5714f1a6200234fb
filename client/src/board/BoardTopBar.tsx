import { useRef } from 'react';
import type { JoinResponse } from '@empiria/shared';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useT } from '../i18n/language-store';
import { PersonBadge } from '../ui/PersonBadge';
import { useEveryoneHere } from '../session/everyone-here';
import { usePresenceStore } from '../session/presence-store';
import { StatusBadge } from './StatusBadge';
import { SummaryButton } from '../summary/SummaryButton';
import { TopBarTools } from '../facilitation/TopBarTools';
import { HybridMenu } from '../hybrid/HybridMenu';
import { BoardSurveysButton } from '../surveys/BoardSurveysButton';
import { useBoardSurveysStore } from '../surveys/board-surveys-store';
import { useIsPhone } from '../phone/phone-layout';
import { Icon } from '../ui/icons';
import { useTopBarFit } from './top-bar-fit';
import './top-bar.css';

/**
 * The board's top bar: the title, then the tools. Where the window is too narrow for all their
 * words, it folds them in a fixed order (top-bar-fit.ts) and keeps every tool in sight.
 */
export function BoardTopBar({ session, readOnly }: { session: JoinResponse; readOnly: boolean }) {
  const t = useT();
  const { identity, board } = session;
  const { count } = useEveryoneHere();
  const panelOpen = usePresenceStore((state) => state.panelOpen);
  const togglePanel = usePresenceStore((state) => state.togglePanel);
  const bar = useRef<HTMLElement>(null);
  useTopBarFit(bar, useIsPhone());
  return (
    <header className="board-topbar" ref={bar} data-testid="board-topbar">
      <div className="board-title">
        <span className="brand-mark brand-mark-sm" aria-hidden="true">
          E
        </span>
        <h1 data-testid="board-title" title={board.title}>
          {board.title}
        </h1>
        {readOnly && <span className="pill pill-readonly">{t('board.readOnly')}</span>}
      </div>
      <div className="board-topbar-right">
        <TopBarTools />
        <HybridMenu />
        <BoardSurveysButton />
        <SummaryButton />
        <StatusBadge />
        <div
          className="identity-chip"
          data-testid="my-identity"
          title={`${identity.name}, ${identity.city} · ${t(`role.${identity.role}`)}`}
        >
          <PersonBadge identity={identity} size="sm" />
          <span className="identity-text">
            <strong>{identity.name}</strong>
            <span>{identity.city}</span>
          </span>
        </div>
        <button
          type="button"
          className="button-secondary people-toggle"
          aria-expanded={panelOpen}
          aria-controls="people-panel"
          onClick={() => {
            if (!panelOpen) useBoardSurveysStore.getState().setOpen(false);
            togglePanel();
          }}
          title={panelOpen ? t('board.people.hide') : t('board.people.show')}
          data-testid="people-toggle"
        >
          <Icon name="people" />
          <span className="people-toggle-label">{t('board.people.count', { count })}</span>
          <span className="people-toggle-count" aria-hidden="true">
            {count}
          </span>
        </button>
        <LanguageSwitcher compact />
      </div>
    </header>
  );
}
