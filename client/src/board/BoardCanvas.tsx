import { useEffect, useState } from 'react';
import { Tldraw } from 'tldraw';
import type { Editor, TLComponents, TLUiOverrides, TldrawOptions } from 'tldraw';
import { tldrawAssetUrls } from '../canvas/tldraw-assets';
import type { Identity } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import type { ControlSync } from '../control/control-sync';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useCameraFollow } from '../follow/use-camera-follow';
import { useLanguageStore } from '../i18n/language-store';
import { guardTemplate } from '../template/template-guard';
import { templateDisplay, templateShapeUtils } from '../template/localized-template-shapes';
import { trackNoteZones } from '../zones/zone-tracking';
import { useConnectionStore } from './connection-store';
import { useEditorStore } from './editor-store';
import { StylePanelWhenUseful } from './StylePanel';
import { facilitationCanvasComponents } from '../facilitation/FacilitationLayer';
import { exposeTestHooks } from './test-hooks';
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
  sync: CanvasSync;
  control: ControlSync;
  licenseKey: string | null;
  readOnly: boolean;
  identity: Identity;
}

export function BoardCanvas({ sync, control, licenseKey, readOnly, identity }: Props) {
  const language = useLanguageStore((state) => state.language);
  const [editor, setEditor] = useState<Editor | null>(null);
  const canLead = useStepStore((state) => state.canLead);
  useCameraFollow(editor);

  useEffect(() => {
    useEditorStore.setState({ editor });
    return () => useEditorStore.setState({ editor: null });
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    const unguard = guardTemplate(editor, canLead);
    const untrack = trackNoteZones(editor, () => {
      const { format } = useStepStore.getState();
      return format && format.steps.length > 0 ? layoutOf(format) : null;
    });
    return () => {
      unguard();
      untrack();
    };
  }, [editor, canLead]);

  useEffect(() => {
    if (!editor) return;
    editor.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

  // Template sheets read in this person's language (display only).
  const format = useStepStore((state) => state.format);
  const hasSteps = (format?.steps.length ?? 0) > 0;
  useEffect(() => {
    templateDisplay.set(format && format.steps.length > 0 ? { language, layout: layoutOf(format) } : null);
    return () => {
      templateDisplay.set(null);
    };
  }, [format, language]);

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language, name: identity.name, color: identity.color });
  }, [editor, language, identity]);

  useEffect(() => {
    if (!editor) return;
    const onMaxShapes = ({ count }: { count: number }) => {
      console.warn(`[empiria] tldraw refused new shapes: the page holds ${count}`);
      useConnectionStore.setState({ maxShapesCount: count });
    };
    editor.on('max-shapes', onMaxShapes);
    const hide = exposeTestHooks(editor, sync, control);
    return () => {
      editor.off('max-shapes', onMaxShapes);
      hide();
    };
  }, [editor, sync, control]);

  return (
    <Tldraw
      store={sync.store}
      assetUrls={tldrawAssetUrls}
      licenseKey={licenseKey ?? undefined}
      options={options}
      components={hasSteps ? formatComponents : components}
      shapeUtils={templateShapeUtils}
      overrides={overrides}
      locale={language}
      onMount={setEditor}
    />
  );
}
