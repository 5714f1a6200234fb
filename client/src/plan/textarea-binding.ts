import type * as Y from 'yjs';
import { PLAN_SECTION_MAX, replaceSectionText } from '@empiria/shared';
import { shiftThroughDelta, type TextDeltaStep } from './text-delta';

/**
 * Binds a plain `<textarea>` to a shared Y.Text, both ways. What the person types becomes the
 * smallest edit of the shared text (so another writer's words in the same section survive); what
 * others type lands in the textarea with this person's caret and selection kept in place. While an
 * input method is composing (Polish diacritics on some keyboards, dictation), nothing is sent: the
 * composed word goes as one edit when it ends. Returns the unbinding.
 */
export function bindTextarea(textarea: HTMLTextAreaElement, text: Y.Text): () => void {
  // Our own transactions carry this origin, so the observer does not write them back.
  const origin = { textarea };
  let composing = false;

  textarea.value = text.toString();

  const send = () => {
    if (composing) return;
    let next = textarea.value;
    if (next.length > PLAN_SECTION_MAX) next = next.slice(0, PLAN_SECTION_MAX);
    const doc = text.doc;
    if (!doc) return;
    doc.transact(() => replaceSectionText(text, next, textarea.selectionEnd), origin);
    // A paste past the limit: the textarea shows what the section keeps.
    if (textarea.value !== next) textarea.value = next;
  };

  const receive = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    const delta = event.delta as TextDeltaStep[];
    const focused = document.activeElement === textarea;
    const start = shiftThroughDelta(textarea.selectionStart, delta);
    const end = shiftThroughDelta(textarea.selectionEnd, delta);
    const scroll = textarea.scrollTop;
    textarea.value = text.toString();
    if (focused) textarea.setSelectionRange(start, end, textarea.selectionDirection);
    textarea.scrollTop = scroll;
    textarea.dispatchEvent(new Event('empiria:remote-input'));
  };

  const compositionStart = () => {
    composing = true;
  };
  const compositionEnd = () => {
    composing = false;
    send();
  };

  textarea.addEventListener('input', send);
  textarea.addEventListener('compositionstart', compositionStart);
  textarea.addEventListener('compositionend', compositionEnd);
  text.observe(receive);
  return () => {
    textarea.removeEventListener('input', send);
    textarea.removeEventListener('compositionstart', compositionStart);
    textarea.removeEventListener('compositionend', compositionEnd);
    text.unobserve(receive);
  };
}
