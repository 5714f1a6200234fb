import { useEffect, useMemo } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { summaryBody, translate } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { noteExtensions } from './note-extensions';
import { sectionMarkersKey, type SectionMarkerOptions } from './section-markers';
import { useSummaryStore } from './summary-store';

/**
 * The note's text, live: the pair edits it together (each sees the other's caret); everyone else
 * reads the same text as it is typed, in an editor that cannot be edited.
 */
export function NoteEditor() {
  const t = useT();
  const sync = useSummaryStore((state) => state.sync);
  // Re-render once the provider is open: the pair's carets need its awareness.
  const status = useSummaryStore((state) => state.snapshot?.status);
  const canWrite = sync?.canWrite ?? false;
  const awareness = canWrite ? (sync?.provider?.awareness ?? null) : null;
  const comments = useSummaryStore((state) => state.snapshot?.content.comments);
  const empty = useSummaryStore((state) => (state.snapshot?.content.blocks.length ?? 0) === 0);
  const language = useLanguageStore((state) => state.language);
  const markers = useMemo<SectionMarkerOptions>(
    () => ({
      counts: () => {
        const counts = new Map<string, number>();
        for (const c of useSummaryStore.getState().snapshot?.content.comments ?? []) {
          if (c.sectionId) counts.set(c.sectionId, (counts.get(c.sectionId) ?? 0) + 1);
        }
        return counts;
      },
      label: (count) => {
        const lang = useLanguageStore.getState().language;
        if (count > 0) return translate(lang, 'comments.marker', { count });
        return useSummaryStore.getState().session?.canComment ? translate(lang, 'comments.markerAdd') : null;
      },
      pick: (sectionId) => useSummaryStore.getState().pickSection(sectionId),
    }),
    [],
  );

  const editor = useEditor(
    {
      extensions: sync ? noteExtensions(summaryBody(sync.doc), awareness, markers) : [],
      editable: canWrite,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'note-text',
          'aria-label': t('note.textLabel'),
          'aria-multiline': 'true',
          'aria-readonly': canWrite ? 'false' : 'true',
          'data-testid': 'note-text',
        },
      },
    },
    [sync, awareness, canWrite, markers],
  );

  useEffect(() => {
    // New comments or another language: redraw the markers beside the sections.
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sectionMarkersKey, true));
  }, [editor, comments, language]);

  useEffect(() => {
    editor.setEditable(canWrite);
  }, [editor, canWrite]);

  if (!sync) return null;
  return (
    <section
      className="note-editor"
      aria-labelledby="note-editor-heading"
      data-status={status}
      data-empty={empty}
      data-writable={canWrite}
    >
      <div className="note-editor-header">
        <h3 id="note-editor-heading">{t('note.textHeading')}</h3>
        {!canWrite && <span className="pill pill-readonly">{t('note.readOnly')}</span>}
      </div>
      {canWrite && <NoteToolbar editor={editor} />}
      <EditorContent editor={editor} className="note-editor-content" />
      <NoteEmpty />
    </section>
  );
}

function NoteEmpty() {
  const t = useT();
  const empty = useSummaryStore((state) => (state.snapshot?.content.blocks.length ?? 0) === 0);
  const synced = useSummaryStore((state) => state.snapshot?.synced ?? false);
  const canWrite = useSummaryStore((state) => state.session?.canWrite ?? false);
  if (!empty) return null;
  return (
    <p className="note-empty muted" data-testid="note-empty">
      {!synced ? t('common.loading') : canWrite ? t('note.emptyLead') : t('note.empty')}
    </p>
  );
}

function NoteToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, active: boolean, run: () => void, text: string, disabled = false) => (
    <button
      type="button"
      className={active ? 'note-tool is-active' : 'note-tool'}
      aria-pressed={active}
      title={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
      disabled={disabled}
    >
      {/* Named by its words: the short sign seen ("1.", "B") is not part of the name read aloud. */}
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note.toolbar')}>
      {button(
        t('note.tool.h2'),
        state.h2,
        () => chain().toggleHeading({ level: 2 }).run(),
        t('note.tool.h2Short'),
      )}
      {button(
        t('note.tool.h3'),
        state.h3,
        () => chain().toggleHeading({ level: 3 }).run(),
        t('note.tool.h3Short'),
      )}
      <span className="note-toolbar-gap" />
      {button(t('note.tool.bold'), state.bold, () => chain().toggleBold().run(), 'B')}
      {button(t('note.tool.italic'), state.italic, () => chain().toggleItalic().run(), 'I')}
      {button(t('note.tool.strike'), state.strike, () => chain().toggleStrike().run(), 'S')}
      <span className="note-toolbar-gap" />
      {button(t('note.tool.bullet'), state.bullet, () => chain().toggleBulletList().run(), '•')}
      {button(t('note.tool.ordered'), state.ordered, () => chain().toggleOrderedList().run(), '1.')}
      <span className="note-toolbar-gap" />
      {button(t('note.tool.undo'), false, () => chain().undo().run(), '↶', !state.canUndo)}
      {button(t('note.tool.redo'), false, () => chain().redo().run(), '↷', !state.canRedo)}
    </div>
  );
}
