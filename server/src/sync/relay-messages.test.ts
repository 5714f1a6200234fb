import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  decodeRelayMessage,
  encodeRelayMessage,
  MAX_RELAY_MESSAGE_BYTES,
  RelayMessageError,
  type RelayMessage,
} from './relay-messages';

const header = { installation: 'inst-1', process: 'proc-a', n: 7 };

function anUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'wartość');
  return Y.encodeStateAsUpdate(doc);
}

function anAwarenessUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ cursor: { x: 1, y: 2 } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return update;
}

const ewa = { id: 'p-ewa', name: 'Ewa Żak', city: 'Łódź', role: 'facilitator', color: '#1d4ed8' } as const;

describe('relay messages', () => {
  it('round-trips every kind exactly', () => {
    const messages: RelayMessage[] = [
      {
        ...header,
        kind: 'update',
        update: anUpdate(),
        claims: [{ personId: 'p-1', clients: [1, 2, 4_000_000_000] }],
        sentAt: 1_796_000_000_123.25,
      },
      {
        ...header,
        kind: 'awareness',
        update: anAwarenessUpdate(),
        owners: [{ clientId: 9, personId: 'p-2' }],
      },
      { ...header, kind: 'compacted' },
      { ...header, kind: 'alive' },
      { ...header, kind: 'closure', closure: { kind: 'invite', inviteId: 'inv-1' } },
      { ...header, kind: 'closure', closure: { kind: 'people', boardId: 'b-1', personIds: ['p-1', 'p-2'] } },
      { ...header, kind: 'hello' },
      {
        ...header,
        kind: 'people',
        rooms: [
          { room: 'b-1/canvas', boardId: 'b-1', people: [ewa, { ...ewa, id: 'p-jan', name: 'Jan Łęcki' }] },
          { room: 'networks/n-1/plan', boardId: null, people: [] },
        ],
      },
      { ...header, kind: 'people', rooms: [] },
    ];
    for (const message of messages) expect(decodeRelayMessage(encodeRelayMessage(message))).toEqual(message);
  });

  it('refuses what is not exactly one message of this format', () => {
    const good = encodeRelayMessage({ ...header, kind: 'compacted' });
    const bad: Uint8Array[] = [
      new Uint8Array(),
      new TextEncoder().encode('hello'),
      // another version (1: updates without their publish time)
      Uint8Array.from([...good.slice(0, 3), 1, ...good.slice(4)]),
      Uint8Array.from([...good.slice(0, 3), 3, ...good.slice(4)]),
      // trailing bytes
      Uint8Array.from([...good, 0]),
      // cut short
      good.slice(0, good.length - 1),
      new Uint8Array(MAX_RELAY_MESSAGE_BYTES + 1),
    ];
    for (const data of bad) expect(() => decodeRelayMessage(data)).toThrow(RelayMessageError);
  });

  it('refuses an update Yjs cannot decode and an unknown kind', () => {
    const garbage = encodeRelayMessage({
      ...header,
      kind: 'update',
      update: Uint8Array.from([200, 1, 2, 3, 4, 5]),
      claims: [],
      sentAt: Date.now(),
    });
    expect(() => decodeRelayMessage(garbage)).toThrow(/undecodable update|malformed/);

    const encoder = encoding.createEncoder();
    for (const byte of [0x45, 0x4d, 0x52, 2]) encoding.writeUint8(encoder, byte);
    encoding.writeVarString(encoder, 'inst-1');
    encoding.writeVarString(encoder, 'proc-a');
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 9);
    expect(() => decodeRelayMessage(encoding.toUint8Array(encoder))).toThrow(/unknown relay message kind/);
  });

  it('refuses empty ids, a zero message number and too many claims', () => {
    expect(() =>
      decodeRelayMessage(encodeRelayMessage({ ...header, installation: '', kind: 'alive' })),
    ).toThrow(/installation/);
    expect(() => decodeRelayMessage(encodeRelayMessage({ ...header, n: 0, kind: 'alive' }))).toThrow(
      /start at 1/,
    );
    const claims = Array.from({ length: 65 }, (_, i) => ({ personId: `p-${i}`, clients: [i] }));
    expect(() =>
      decodeRelayMessage(
        encodeRelayMessage({ ...header, kind: 'update', update: anUpdate(), claims, sentAt: 1 }),
      ),
    ).toThrow(/too many claims/);
  });

  it('refuses a people message with an identity the server could not have stamped', () => {
    const forged = encodeRelayMessage({
      ...header,
      kind: 'people',
      rooms: [{ room: 'b-1/canvas', boardId: 'b-1', people: [{ ...ewa, color: 'red; background: url(x)' }] }],
    });
    expect(() => decodeRelayMessage(forged)).toThrow(/bad identity/);
    const tooMany = encodeRelayMessage({
      ...header,
      kind: 'people',
      rooms: [
        {
          room: 'b-1/canvas',
          boardId: 'b-1',
          people: Array.from({ length: 5001 }, (_, i) => ({ ...ewa, id: `p-${i}` })),
        },
      ],
    });
    expect(() => decodeRelayMessage(tooMany)).toThrow(/too many people/);
  });

  it('refuses an update whose publish time is not a time', () => {
    for (const sentAt of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      const message = encodeRelayMessage({
        ...header,
        kind: 'update',
        update: anUpdate(),
        claims: [],
        sentAt,
      });
      expect(() => decodeRelayMessage(message)).toThrow(/bad publish time/);
    }
  });

  it('refuses presence a client could not have sent', () => {
    const message = encodeRelayMessage({
      ...header,
      kind: 'awareness',
      update: Uint8Array.from([1, 5, 1, 1, 0x31]),
      owners: [],
    });
    expect(() => decodeRelayMessage(message)).toThrow(RelayMessageError);
  });
});
