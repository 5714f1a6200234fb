import { forwardRef, useCallback, useSyncExternalStore } from 'react';
import { DefaultShapeWrapper, useEditor } from 'tldraw';
import type { TLShapeWrapperProps } from 'tldraw';
import { BoardNoteShapeUtil } from './board-note-shape';

const NOTHING_TO_WATCH = () => () => {};

/**
 * tldraw's shape wrapper (the positioned `.tl-shape` element, which tldraw's culling shows and
 * hides), with a note's content mounted only once the note has been on screen: until then the
 * element is there, empty. Other shapes, and notes once seen, are tldraw's own.
 */
export const RevealingShapeWrapper = forwardRef<HTMLDivElement, TLShapeWrapperProps>(
  function RevealingShapeWrapper({ children, ...props }, ref) {
    const editor = useEditor();
    const util = props.isBackground ? null : editor.getShapeUtil(props.shape);
    const reveal = util instanceof BoardNoteShapeUtil ? util.reveal : null;
    const id = props.shape.id;
    const subscribe = useCallback(
      (listener: () => void) => (reveal ? reveal.subscribe(id, listener) : NOTHING_TO_WATCH()),
      [reveal, id],
    );
    const isShown = useCallback(() => (reveal ? reveal.isShown(id) : true), [reveal, id]);
    const shown = useSyncExternalStore(subscribe, isShown);
    return (
      <DefaultShapeWrapper ref={ref} {...props} data-revealed={reveal ? shown : undefined}>
        {shown ? children : null}
      </DefaultShapeWrapper>
    );
  },
);
