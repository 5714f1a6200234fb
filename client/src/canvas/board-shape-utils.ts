import type { TLComponents } from 'tldraw';
import { BoardNoteShapeUtil } from '../note-shape/board-note-shape';
import { RevealingShapeWrapper } from '../note-shape/RevealingShapeWrapper';
import { templateShapeUtils } from '../template/localized-template-shapes';

/**
 * The shape utils a board's canvas uses in place of tldraw's (same types and props, so the
 * schema is tldraw's): template sheets in the reader's language, and notes that measure and
 * mount only what is looked at (#16).
 */
export const boardShapeUtils = [...templateShapeUtils, BoardNoteShapeUtil];

/** With `boardShapeUtils`: mounts a note's content once it has been on screen. */
export const boardShapeComponents: TLComponents = { ShapeWrapper: RevealingShapeWrapper };
