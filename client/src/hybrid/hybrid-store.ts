import { create } from 'zustand';
import type { Identity, Location } from '@empiria/shared';
import { PRINT_PAPERS, type PrintPaper, type UploadedPhoto } from '@empiria/shared';
import type { PhotoProblem } from './photo-file';
import { samePlaces } from './places';

/** Who this screen belongs to, for the hybrid tools; set once the board opens. */
export interface HybridContext {
  boardId: string;
  token: string;
  identity: Identity;
  /** Works on the board (not an observer): writes notes, adds photos, says where they are. */
  canWork: boolean;
  /** The facilitator, the expert or the organiser: prints the sheets. */
  canPrint: boolean;
}

export type PhotoState =
  | { phase: 'idle' }
  | { phase: 'preparing' }
  | { phase: 'uploading'; share: number }
  | { phase: 'done'; photo: UploadedPhoto }
  | { phase: 'failed'; problem: PhotoProblem };

export type PrintState =
  | { phase: 'idle' }
  | { phase: 'preparing' }
  /** The browser blocked the new tab: a link the person opens by hand. */
  | { phase: 'blocked'; url: string }
  | { phase: 'failed'; problem: 'network' | 'no-sheets' | 'forbidden' | 'generic' };

const PAPER_KEY = 'empiria.printPaper';

function readPaper(): PrintPaper {
  try {
    const stored = localStorage.getItem(PAPER_KEY);
    return (PRINT_PAPERS as readonly string[]).includes(stored ?? '') ? (stored as PrintPaper) : 'flipchart';
  } catch {
    return 'flipchart';
  }
}

interface HybridState {
  context: HybridContext | null;
  /** Where each person is, by person id, as they publish it. */
  places: Record<string, Location>;
  /** Where this person is (asked at joining, changeable in the menu). */
  myPlace: Location | null;
  menuOpen: boolean;
  scribeOpen: boolean;
  photo: PhotoState;
  print: PrintState;
  paper: PrintPaper;

  setPlaces(places: Record<string, Location>): void;
  setMenuOpen(open: boolean): void;
  setScribeOpen(open: boolean): void;
  setPaper(paper: PrintPaper): void;
  reset(): void;
}

const initial = {
  context: null,
  places: {},
  myPlace: null,
  menuOpen: false,
  scribeOpen: false,
  photo: { phase: 'idle' } as PhotoState,
  print: { phase: 'idle' } as PrintState,
};

/**
 * The hybrid meeting's tools on this screen: who is where, the scribe panel, a photo on its way,
 * the print page being prepared. Nothing here is shared; the notes and photos go into the canvas.
 */
export const useHybridStore = create<HybridState>((set, get) => ({
  ...initial,
  paper: readPaper(),
  setPlaces(places) {
    if (!samePlaces(get().places, places)) set({ places });
  },
  setMenuOpen: (open) => set({ menuOpen: open }),
  setScribeOpen: (open) => set({ scribeOpen: open }),
  setPaper(paper) {
    try {
      localStorage.setItem(PAPER_KEY, paper);
    } catch {
      // Private mode: the choice lasts for this tab.
    }
    set({ paper });
  },
  reset: () => set(initial),
}));
