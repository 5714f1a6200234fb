import { useEffect, useState } from 'react';
import { Tldraw } from 'tldraw';
import type { Editor, TLComponents, TLUiOverrides, TldrawOptions } from 'tldraw';
import { boardShapeComponents, boardShapeUtils } from '../canvas/board-shape-utils';
import { tldrawAssetUrls } from '../canvas/tldraw-assets';
import { useStepStore } from '../control/step-store';
import { SheetHeadingMask } from '../follow/SheetHeadingMask';
import { useCameraFollow } from '../follow/use-camera-follow';
import { useLanguageStore } from '../i18n/language-store';
import { bindFeatures } from '../session/board-session';
import type { BoardSession } from '../session/board-session';
import { useTemplateDisplay } from '../template/use-template-display';
import { BOARD_FEATURES } from './board-features';
import './board-canvas.css';
import { StylePanelWhenUseful } from './StylePanel';
import { facilitationCanvasComponents } from '../facilitation/FacilitationLayer';
import { RoomNoteBadges } from '../hybrid/RoomNoteBadges';

/**
 * tldraw's default of 4,000 shapes per page makes `createShapes` silently create nothing past it.
 * A long workshop can go far beyond; the cost is load time (~1.35 ms per note), not correctness.
 */
const options: Partial<TldrawOptions> = { maxShapesPerPage: 20_000 };

/**
 * Our own "who's here" list replaces tldraw's people menu, whose names a user could edit; the
 * style panel shows only when there is something to style.
 */
const components: TLComponents = {
  ...boardShapeComponents,
  SharePanel: null,
  StylePanel: StylePanelWhenUseful,
  ...facilitationCanvasComponents,
  OnTheCanvas: RoomNoteBadges,
};
/** A board with a format lives on its one page: no page menu to get lost in. */
const formatComponents: TLComponents = { ...components, PageMenu: null };

/**
 * Alt+← / Alt+→ are the facilitator's "previous / next step" (steps/step-keys.ts); tldraw binds
 * them to "previous / next page" (and Alt+→ on the last page makes a new one). A board lives on
 * one page, so those two actions go.
 */
const overrides: TLUiOverrides = {
  actions(_editor, actions) {
    const { ['change-page-prev']: _prev, ['change-page-next']: _next, ...rest } = actions;
    return rest;
  },
};

interface Props {
  session: BoardSession;
  licenseKey: string | null;
  /** Told the editor once tldraw is mounted, and null when it goes. */
  onEditor: (editor: Editor | null) => void;
}

/** tldraw on the board's canvas document, with the board's features bound to it. */
export function BoardCanvas({ session, licenseKey, onEditor }: Props) {
  const language = useLanguageStore((state) => state.language);
  const [editor, setEditor] = useState<Editor | null>(null);
  const readOnly = !session.canWrite;
  const { identity } = session.join;
  useCameraFollow(editor);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => (editor ? bindFeatures(BOARD_FEATURES, editor, session) : undefined), [editor, session]);

  useEffect(() => {
    if (!editor) return;
    editor.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

  useTemplateDisplay();
  const hasSteps = useStepStore((state) => (state.format?.steps.length ?? 0) > 0);

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language, name: identity.name, color: identity.color });
  }, [editor, language, identity]);

  return (
    <>
      <Tldraw
        store={session.canvas.store}
        assetUrls={tldrawAssetUrls}
        licenseKey={licenseKey ?? undefined}
        options={options}
        components={hasSteps ? formatComponents : components}
        shapeUtils={boardShapeUtils}
        overrides={overrides}
        locale={language}
        onMount={setEditor}
      />
      <SheetHeadingMask />
    </>
  );
}
