import { create } from 'zustand';
import type { Editor } from 'tldraw';

/** The tldraw editor of this board once mounted, for the panels around the canvas. */
export const useEditorStore = create<{ editor: Editor | null }>(() => ({ editor: null }));
