import { describe, expect, it } from 'vitest';
import { stepKeyAction } from './step-keys';

const base = {
  key: 'ArrowRight',
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  inText: false,
};

describe('step keys', () => {
  it('Alt+→ is next, Alt+← previous', () => {
    expect(stepKeyAction(base)).toBe('next');
    expect(stepKeyAction({ ...base, key: 'ArrowLeft' })).toBe('previous');
  });
  it('ignores plain arrows (tldraw nudges shapes with them) and other modifiers', () => {
    expect(stepKeyAction({ ...base, altKey: false })).toBeNull();
    expect(stepKeyAction({ ...base, shiftKey: true })).toBeNull();
    expect(stepKeyAction({ ...base, ctrlKey: true })).toBeNull();
    expect(stepKeyAction({ ...base, metaKey: true })).toBeNull();
    expect(stepKeyAction({ ...base, key: 'ArrowUp' })).toBeNull();
  });
  it('never acts while typing', () => {
    expect(stepKeyAction({ ...base, inText: true })).toBeNull();
  });
});
