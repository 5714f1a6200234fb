import { useEffect } from 'react';
import { canWriteDoc } from '@empiria/shared';
import { useFacilitationStore } from '../facilitation/facilitation-store';
import { useSession } from '../session/board-context';
import { usePresenceStore } from '../session/presence-store';
import { bindPlaces } from './bind-places';
import { useHybridStore } from './hybrid-store';
import { readBoardPlace } from './places';
import { ScribePanel } from './ScribePanel';
import './hybrid.css';

/** Roles that print the sheets (docs/api.md): the facilitator, the expert, the organiser. */
const PRINTERS = ['facilitator', 'expert', 'organiser'];

/**
 * The hybrid meeting's tools on the board: who is where (published and read in awareness), and
 * the scribe's panel in the right-hand column, which it shares by turns with the people list and
 * the facilitator's console. The "Sala" menu itself sits in the top bar (HybridMenu).
 */
export function HybridLayer() {
  const session = useSession();
  const { identity, sessionToken: token, board } = session.join;
  const scribeOpen = useHybridStore((state) => state.scribeOpen);

  useEffect(() => {
    const canWork = canWriteDoc(identity.role, 'canvas');
    useHybridStore.setState({
      context: {
        boardId: board.id,
        token,
        identity,
        canWork,
        canPrint: PRINTERS.includes(identity.role),
      },
      myPlace: canWork ? readBoardPlace(board.id) : null,
    });
    return () => useHybridStore.getState().reset();
  }, [board.id, token, identity]);

  // Who is where, in awareness: bound with the session, before the canvas is drawn.
  useEffect(() => bindPlaces(session.canvas, identity.id), [session.canvas, identity.id]);

  // The right-hand column holds one panel at a time: the scribe's, the people list or the console.
  useEffect(() => {
    const offPeople = usePresenceStore.subscribe((state, previous) => {
      if (state.panelOpen && !previous.panelOpen) useHybridStore.getState().setScribeOpen(false);
    });
    const offConsole = useFacilitationStore.subscribe((state, previous) => {
      if (state.consoleOpen && !previous.consoleOpen) useHybridStore.getState().setScribeOpen(false);
    });
    const offScribe = useHybridStore.subscribe((state, previous) => {
      if (!state.scribeOpen || previous.scribeOpen) return;
      if (usePresenceStore.getState().panelOpen) usePresenceStore.getState().togglePanel();
      if (useFacilitationStore.getState().consoleOpen) useFacilitationStore.getState().setConsoleOpen(false);
    });
    return () => {
      offPeople();
      offConsole();
      offScribe();
    };
  }, []);

  if (!scribeOpen || !canWriteDoc(identity.role, 'canvas')) return null;
  return <ScribePanel identity={identity} />;
}
