import { useEffect, useState } from 'react';
import { Tldraw } from 'tldraw';
import type { Editor, TLComponents, TldrawOptions } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import type { Identity } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import { useLanguageStore } from '../i18n/language-store';
import { useConnectionStore } from './connection-store';
import { exposeTestHooks } from './test-hooks';

/** tldraw's fonts, icons and translations, bundled and served from our own origin (no CDN). */
const assetUrls = getAssetUrlsByImport();

/**
 * tldraw's default of 4,000 shapes per page makes `createShapes` silently create nothing past it.
 * A long workshop can go far beyond; the cost is load time (~1.35 ms per note), not correctness.
 */
const options: Partial<TldrawOptions> = { maxShapesPerPage: 20_000 };

/** Our own "who's here" list replaces tldraw's people menu, whose names a user could edit. */
const components: TLComponents = { SharePanel: null };

interface Props {
  sync: CanvasSync;
  licenseKey: string | null;
  readOnly: boolean;
  identity: Identity;
}

export function BoardCanvas({ sync, licenseKey, readOnly, identity }: Props) {
  const language = useLanguageStore((state) => state.language);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    if (!editor) return;
    editor.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

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
    const hide = exposeTestHooks(editor, sync);
    return () => {
      editor.off('max-shapes', onMaxShapes);
      hide();
    };
  }, [editor, sync]);

  return (
    <Tldraw
      store={sync.store}
      assetUrls={assetUrls}
      licenseKey={licenseKey ?? undefined}
      options={options}
      components={components}
      locale={language}
      onMount={setEditor}
    />
  );
}
