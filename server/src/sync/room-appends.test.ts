import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomAppends, StorageFailure, type ChangeBatch } from './room-appends';

const OTHER_PROCESS = Symbol('stored elsewhere');

/** An update that inserts `text` into a document of its own (so any two merge). */
function updateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const own = (text: string): ChangeBatch => ({
  emitted: [{ update: updateOf(text), origin: 'member' }],
  claims: [],
});
const relayed = (text: string): ChangeBatch => ({
  emitted: [{ update: updateOf(text), origin: OTHER_PROCESS }],
  claims: [],
});

function textsOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return [...doc.getText('t').toString()].sort().join('');
}

/** A store whose appends wait until released, and a log of what happened in which order. */
function harness() {
  const events: string[] = [];
  const releases: (() => void)[] = [];
  let failWith: Error | null = null;
  const appends = new RoomAppends({
    isOwn: (e) => e.origin !== OTHER_PROCESS,
    append: (update) => {
      events.push(`append ${textsOf(update)}`);
      return new Promise<void>((resolve, reject) =>
        releases.push(() => (failWith ? reject(failWith) : resolve())),
      );
    },
    stored: (batches, ownUpdate) =>
      events.push(
        `handed on ${batches.map((b) => b.emitted.map((e) => textsOf(e.update)).join('')).join(',')}` +
          (ownUpdate ? ` (own ${textsOf(ownUpdate)})` : ''),
      ),
  });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    appends,
    events,
    tick,
    release: async () => {
      releases.shift()?.();
      await tick();
    },
    failNext: (err: Error) => (failWith = err),
  };
}

describe('RoomAppends', () => {
  it('hands a batch on only once it is stored ([S3])', async () => {
    const { appends, events, release, tick } = harness();
    let done = false;
    void appends.add(own('a')).then(() => (done = true));
    await tick();
    expect(events).toEqual(['append a']);
    expect(done).toBe(false);
    await release();
    expect(events).toEqual(['append a', 'handed on a (own a)']);
    expect(done).toBe(true);
  });

  it('stores what queued during a commit in one append, then hands each batch on in order', async () => {
    const { appends, events, release, tick } = harness();
    const first = appends.add(own('a'));
    await tick();
    const later = [appends.add(own('b')), appends.add(own('c'))];
    await tick();
    expect(events).toEqual(['append a']); // b and c wait for a's commit
    await release();
    expect(events).toEqual(['append a', 'handed on a (own a)', 'append bc']);
    await release();
    await Promise.all([first, ...later]);
    expect(events.at(-1)).toBe('handed on b,c (own bc)');
    expect(appends.pending).toBe(0);
  });

  it('hands on at once what another process stored, whatever of ours waits', async () => {
    const { appends, events, release, tick } = harness();
    void appends.add(own('a'));
    await tick();
    await appends.add(relayed('x'));
    expect(events).toEqual(['append a', 'handed on x']);
    await release();
    expect(events.at(-1)).toBe('handed on a (own a)');
  });

  it('stores only our part of a mixed batch', async () => {
    const { appends, events, release, tick } = harness();
    const mixed: ChangeBatch = { emitted: [...own('a').emitted, ...relayed('x').emitted], claims: [] };
    void appends.add(mixed);
    await tick();
    expect(events).toEqual(['append a']);
    await release();
    expect(events.at(-1)).toBe('handed on ax (own a)');
  });

  it('fails the batch a store refused and every one after it; idle still resolves', async () => {
    const { appends, events, release, tick, failNext } = harness();
    const first = appends.add(own('a'));
    await tick();
    const second = appends.add(own('b'));
    const firstFailed = expect(first).rejects.toThrow(StorageFailure);
    const secondFailed = expect(second).rejects.toThrow('disk full');
    failNext(new Error('disk full'));
    await release();
    await firstFailed;
    await secondFailed;
    await expect(first).rejects.toThrow('disk full');
    await expect(appends.add(own('c'))).rejects.toThrow('disk full');
    await appends.idle();
    expect(appends.failure?.message).toContain('disk full');
    expect(events.filter((e) => e.startsWith('handed on'))).toEqual([]);
  });

  it('idle waits for every batch added before it', async () => {
    const { appends, release, tick } = harness();
    void appends.add(own('a'));
    let idle = false;
    void appends.idle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    await release();
    await tick();
    expect(idle).toBe(true);
  });
});
