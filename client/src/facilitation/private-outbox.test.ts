import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  entriesOutside,
  parseOutbox,
  queueDelete,
  queuePut,
  restoreNotes,
  retryDelay,
  withoutRound,
} from './private-outbox';

const note = (id: string, text: string) => ({ id, text, x: 0, y: 0 });

describe('private notes outbox', () => {
  it('keeps the latest text and survives an answer to an older send', () => {
    let outbox = queuePut({}, 'r1', note('shape:a', 'Bra'));
    const inFlight = outbox['shape:a']!.version;
    outbox = queuePut(outbox, 'r1', note('shape:a', 'Brak budżetu'));
    outbox = acknowledge(outbox, 'shape:a', inFlight);
    expect(outbox['shape:a']).toMatchObject({ op: 'put', note: { text: 'Brak budżetu' } });
    outbox = acknowledge(outbox, 'shape:a', outbox['shape:a']!.version);
    expect(outbox).toEqual({});
  });

  it('restores server notes with the unsent changes on top', () => {
    let outbox = queuePut({}, 'r1', note('shape:b', 'nowsza'));
    outbox = queueDelete(outbox, 'r1', 'shape:c');
    outbox = queuePut(outbox, 'r0', note('shape:old', 'z poprzedniej rundy'));
    const server = [
      { ...note('shape:a', 'A'), roundId: 'r1', updatedAt: 1 },
      { ...note('shape:b', 'starsza'), roundId: 'r1', updatedAt: 1 },
      { ...note('shape:c', 'usunięta'), roundId: 'r1', updatedAt: 1 },
    ];
    expect(restoreNotes('r1', server, outbox).map((n) => [n.id, n.text])).toEqual([
      ['shape:a', 'A'],
      ['shape:b', 'nowsza'],
    ]);
    expect(entriesOutside(outbox, 'r1').map((e) => e.roundId)).toEqual(['r0']);
    expect(Object.keys(withoutRound(outbox, 'r0'))).toEqual(['shape:b', 'shape:c']);
  });

  it('backs off to 30 s and reads storage defensively', () => {
    expect([0, 1, 2, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 30_000]);
    expect(
      parseOutbox(
        '{"shape:a":{"op":"put","roundId":"r","version":1,"note":{"id":"shape:a","text":"t","x":0,"y":0}},"bad":{}}',
      ),
    ).toEqual({
      'shape:a': { op: 'put', roundId: 'r', version: 1, note: { id: 'shape:a', text: 't', x: 0, y: 0 } },
    });
    expect(parseOutbox('[')).toEqual({});
  });
});
