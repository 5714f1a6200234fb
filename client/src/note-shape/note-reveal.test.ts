import { describe, expect, it } from 'vitest';
import { NoteReveal } from './note-reveal';

/** A camera over notes a…e: `culled` is what is off screen now; `move` changes it. */
function camera(initiallyCulled: string[]) {
  let culled = new Set(initiallyCulled);
  const watchers = new Set<(culled: ReadonlySet<string>) => void>();
  let watchCalls = 0;
  const reveal = new NoteReveal<string>({
    isCulled: (id) => culled.has(id),
    watchCulled: (onChange) => {
      watchCalls++;
      watchers.add(onChange);
      onChange(culled);
      return () => watchers.delete(onChange);
    },
  });
  return {
    reveal,
    move(nowCulled: string[]) {
      culled = new Set(nowCulled);
      for (const watcher of watchers) watcher(culled);
    },
    watching: () => watchers.size,
    watchCalls: () => watchCalls,
  };
}

describe('notes shown once they have been on screen', () => {
  it('shows the notes on screen at once and keeps the others waiting', () => {
    const { reveal } = camera(['c', 'd']);
    expect(reveal.isShown('a')).toBe(true);
    expect(reveal.isShown('c')).toBe(false);
  });

  it('tells a waiting note when the camera reaches it, once, and then no longer waits', () => {
    const cam = camera(['c', 'd', 'e']);
    const told: string[] = [];
    for (const id of ['c', 'd', 'e']) {
      expect(cam.reveal.isShown(id)).toBe(false);
      cam.reveal.subscribe(id, () => told.push(id));
    }
    expect(cam.reveal.waitingCount).toBe(3);
    cam.move(['a', 'b', 'd', 'e']);
    expect(told).toEqual(['c']);
    expect(cam.reveal.isShown('c')).toBe(true);
    cam.move(['a', 'b', 'c', 'e']);
    expect(told).toEqual(['c', 'd']);
    // Off screen again: a note once seen stays shown (panning back costs nothing).
    cam.move(['a', 'b', 'c', 'd', 'e']);
    expect(cam.reveal.isShown('c')).toBe(true);
    expect(told).toEqual(['c', 'd']);
    expect(cam.reveal.waitingCount).toBe(1);
  });

  it('watches the camera with one watcher for all notes, and stops when disposed', () => {
    const cam = camera(['b', 'c']);
    const unsubscribeB = cam.reveal.subscribe('b', () => {});
    cam.reveal.subscribe('c', () => {});
    expect(cam.watchCalls()).toBe(1);
    unsubscribeB();
    expect(cam.reveal.waitingCount).toBe(1);
    cam.reveal.dispose();
    expect(cam.watching()).toBe(0);
  });

  it('tells a note that came on screen between its render and its subscription', () => {
    const cam = camera(['b']);
    expect(cam.reveal.isShown('b')).toBe(false);
    cam.move([]);
    let told = 0;
    cam.reveal.subscribe('b', () => told++);
    expect(told).toBe(1);
    expect(cam.reveal.isShown('b')).toBe(true);
  });

  it('tells a note that came on screen before its subscription while others already wait', () => {
    const cam = camera(['b', 'c']);
    cam.reveal.subscribe('b', () => {});
    // c rendered as a placeholder, then the camera reached it before it subscribed…
    expect(cam.reveal.isShown('c')).toBe(false);
    cam.move(['b']);
    // …and the camera stays where it is: no further change of the culled set to wait for.
    let told = 0;
    cam.reveal.subscribe('c', () => told++);
    expect(told).toBe(1);
    expect(cam.reveal.isShown('c')).toBe(true);
    expect(cam.reveal.waitingCount).toBe(1);
    expect(cam.watchCalls()).toBe(1);
  });

  it('keeps a note that subscribes while still off screen waiting, with the one watcher', () => {
    const cam = camera(['b', 'c']);
    cam.reveal.subscribe('b', () => {});
    let told = 0;
    cam.reveal.subscribe('c', () => told++);
    expect(told).toBe(0);
    expect(cam.reveal.waitingCount).toBe(2);
    cam.move(['b']);
    expect(told).toBe(1);
    expect(cam.watchCalls()).toBe(1);
  });

  it('needs nothing from a note already shown', () => {
    const cam = camera([]);
    expect(cam.reveal.isShown('a')).toBe(true);
    cam.reveal.subscribe('a', () => {});
    expect(cam.watchCalls()).toBe(0);
  });
});
