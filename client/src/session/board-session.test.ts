import { describe, expect, it } from 'vitest';
import type { Editor } from 'tldraw';
import { bindFeatures } from './board-session';
import type { BoardFeature, BoardSession } from './board-session';

describe('bindFeatures', () => {
  it('binds each feature in order with the editor and the session, and tears down in reverse', () => {
    const log: string[] = [];
    // Only passed through: the features below never touch them.
    const editor = {} as Editor;
    const session = {} as BoardSession;
    const feature = (name: string): BoardFeature => ({
      name,
      bind(seenEditor, seenSession) {
        expect(seenEditor).toBe(editor);
        expect(seenSession).toBe(session);
        log.push(`bind ${name}`);
        return () => log.push(`unbind ${name}`);
      },
    });
    const unbind = bindFeatures([feature('guard'), feature('zones'), feature('camera')], editor, session);
    expect(log).toEqual(['bind guard', 'bind zones', 'bind camera']);
    unbind();
    expect(log.slice(3)).toEqual(['unbind camera', 'unbind zones', 'unbind guard']);
  });
});
