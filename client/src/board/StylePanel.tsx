import { DefaultStylePanel, useEditor, useValue } from 'tldraw';
import type { TLUiStylePanelProps } from 'tldraw';

/**
 * tldraw's colours and sizes, shown only when they apply: to a selection, or to what the current
 * tool is about to draw. With nothing in hand the panel would only cover the sheet.
 */
export function StylePanelWhenUseful(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const useful = useValue(
    'style panel useful',
    () =>
      editor.getSelectedShapeIds().length > 0 ||
      !['select', 'hand', 'laser'].includes(editor.getCurrentToolId()),
    [editor],
  );
  return useful ? <DefaultStylePanel {...props} /> : null;
}
