import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Editor } from 'tldraw';
import type { BoardSession } from './board-session';

interface BoardContextValue {
  session: BoardSession;
  /** tldraw's editor once the canvas is mounted. */
  editor: Editor | null;
}

const BoardContext = createContext<BoardContextValue | null>(null);

/** Hands the screen's board session and editor down to the panels around and on the canvas. */
export function BoardProvider({ session, editor, children }: BoardContextValue & { children: ReactNode }) {
  return <BoardContext.Provider value={{ session, editor }}>{children}</BoardContext.Provider>;
}

/** The board session of the screen this component is on. */
export function useSession(): BoardSession {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useSession outside a board screen');
  return value.session;
}

/** The board's tldraw editor, null until the canvas is mounted. */
export function useBoardEditor(): Editor | null {
  return useContext(BoardContext)?.editor ?? null;
}
