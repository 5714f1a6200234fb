import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDraft, run, summaryBody } from '@empiria/shared';
import { caretFollowsTextPlugin } from './caret-follows-text';
import { noteExtensions } from './note-extensions';

const schema = getSchema(noteExtensions(new Y.Doc().getXmlFragment('x'), null));

/** One person's editor: ProseMirror's state bound to their Y.Doc by y-tiptap, without a DOM. */
function editor(doc: Y.Doc) {
  const plugin = ySyncPlugin(summaryBody(doc));
  let state = EditorState.create({ schema, plugins: [plugin, caretFollowsTextPlugin(summaryBody(doc))] });
  const views: { update: () => void; destroy?: () => void }[] = [];
  const view = {
    get state() {
      return state;
    },
    hasFocus: () => true,
    dispatch(tr: Transaction) {
      // As ProseMirror's view does: plugins may append transactions, then plugin views update.
      state = state.applyTransaction(tr).state;
      for (const v of views) v.update?.();
    },
  };
  for (const p of state.plugins) if (p.spec.view) views.push(p.spec.view(view as never) as never);
  return {
    get state() {
      return state;
    },
    dispatch: (tr: Transaction) => view.dispatch(tr),
    type(text: string) {
      view.dispatch(state.tr.insertText(text));
    },
    backspace() {
      const { from } = state.selection;
      const $from = state.doc.resolve(from);
      // At a paragraph's start: join it to the one before, as ProseMirror's Backspace does.
      view.dispatch($from.parentOffset === 0 ? state.tr.join(from - 1) : state.tr.delete(from - 1, from));
    },
    select(from: number, to: number) {
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    },
    enter() {
      view.dispatch(state.tr.split(state.selection.from));
    },
    caretAfter(text: string) {
      let at = -1;
      state.doc.descendants((node, pos) => {
        if (at < 0 && node.isText && node.text!.includes(text))
          at = pos + node.text!.indexOf(text) + text.length;
      });
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, at)));
    },
    paragraphs: () => {
      const out: string[] = [];
      state.doc.forEach((n) => out.push(n.textContent));
      return out;
    },
  };
}

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { ana: editor(a), bartek: editor(b), bartekDoc: b };
}

describe('two people typing into the same paragraph at once', () => {
  it('a new paragraph someone else starts before my caret does not move my caret out of my sentence', () => {
    const { ana, bartek } = pair();
    ana.type('Ala ma kota. Ola ma psa');
    expect(bartek.paragraphs()).toEqual(['Ala ma kota. Ola ma psa']);
    // Ana keeps typing at the end of her sentence; Bartek starts a new paragraph after "kota.".
    bartek.caretAfter('kota.');
    bartek.enter();
    ana.type(' i rybki.');
    expect(ana.paragraphs()).toEqual(['Ala ma kota.', ' Ola ma psa i rybki.']);
    expect(bartek.paragraphs()).toEqual(ana.paragraphs());
  });

  it('my caret before the new paragraph stays where it is', () => {
    const { ana, bartek } = pair();
    ana.type('Ala ma kota. Ola ma psa');
    ana.caretAfter('Ala ma');
    bartek.caretAfter('kota.');
    bartek.enter();
    ana.type(' zawsze');
    expect(ana.paragraphs()).toEqual(['Ala ma zawsze kota.', ' Ola ma psa']);
    expect(bartek.paragraphs()).toEqual(ana.paragraphs());
  });

  it('someone joining my paragraph to the one before keeps my caret after my own words', () => {
    const { ana, bartek } = pair();
    ana.type('Pierwszy akapit.');
    ana.enter();
    ana.type('Mój akapit');
    bartek.caretAfter('Pierwszy akapit.');
    // Bartek's caret at the start of Ana's paragraph, then Backspace: one paragraph.
    bartek.select(bartek.state.doc.child(0).nodeSize + 1, bartek.state.doc.child(0).nodeSize + 1);
    bartek.backspace();
    ana.type(' trwa.');
    expect(ana.paragraphs()).toEqual(['Pierwszy akapit.Mój akapit trwa.']);
    expect(bartek.paragraphs()).toEqual(ana.paragraphs());
  });

  it('the board re-drafting the section I type in keeps my caret in the same words', () => {
    const { ana, bartekDoc } = pair();
    const unit = (sectionId: string, title: string, text: string) => ({
      sectionId,
      blocks: [
        { type: 'heading' as const, level: 2 as const, sectionId, runs: [run(title)] },
        { type: 'paragraph' as const, runs: [run(text)] },
      ],
    });
    applyDraft(bartekDoc, [
      unit('step:a', 'Bariery', 'Brak budżetu'),
      unit('step:b', 'Rozwiązania', 'Rower'),
    ]);
    expect(ana.paragraphs()).toEqual(['Bariery', 'Brak budżetu', 'Rozwiązania', 'Rower']);
    ana.caretAfter('Rower');
    // Drafting again from the board: the first section changed (so it is rewritten) while Ana's
    // caret waits at the end of the second.
    applyDraft(bartekDoc, [
      unit('step:a', 'Bariery', 'Brak budżetu i czasu'),
      unit('step:b', 'Rozwiązania', 'Rower'),
    ]);
    ana.type('owy dzień');
    expect(ana.paragraphs()).toEqual(['Bariery', 'Brak budżetu i czasu', 'Rozwiązania', 'Rowerowy dzień']);
  });
});
