import { describe, expect, it } from 'vitest';
import type { Editor } from 'tldraw';
import { cameraMover, moveCamera } from './camera-mover';

// The registry keys on the editor's identity only; any object stands in for one.
const editor = () => ({}) as Editor;

describe('camera mover', () => {
  it('is set only while the move runs, and per editor', () => {
    const a = editor();
    const b = editor();
    const seen: Array<string | null> = [];
    moveCamera(a, 'step', () => {
      seen.push(cameraMover(a), cameraMover(b));
    });
    seen.push(cameraMover(a));
    expect(seen).toEqual(['step', null, null]);
  });

  it('restores the outer mover after a nested move, and after a throw', () => {
    const a = editor();
    const seen: Array<string | null> = [];
    moveCamera(a, 'step', () => {
      moveCamera(a, 'leader', () => seen.push(cameraMover(a)));
      seen.push(cameraMover(a));
      expect(() =>
        moveCamera(a, 'leader', () => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      seen.push(cameraMover(a));
    });
    seen.push(cameraMover(a));
    expect(seen).toEqual(['leader', 'step', 'step', null]);
  });
});
