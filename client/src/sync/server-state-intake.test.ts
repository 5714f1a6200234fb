import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { takeServerStateWhole, type UpdateKeeper } from './server-state-intake';

const MESSAGE_SYNC = 0;

/** A board's worth of records, as the server holds it. */
function serverDoc(records: number): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap('records');
  doc.transact(() => {
    for (let i = 0; i < records; i++)
      map.set(`shape:${i}`, { id: `shape:${i}`, type: 'note', text: `Notatka ${i}` });
  });
  return doc;
}

/** A message as the server sends it: y-websocket's sync type, then the sync message. */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Hands one message to the provider as its websocket would; returns the reply it wrote. */
function receive(provider: WebsocketProvider, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  provider.messageHandlers[type]!(encoder, decoder, provider, true, type);
  return encoding.toUint8Array(encoder);
}

/** The local copy's side, as y-indexeddb registers it: a listener of the document's updates. */
function keeperOn(doc: Y.Doc): UpdateKeeper & { stored: Array<{ update: Uint8Array; origin: unknown }> } {
  const stored: Array<{ update: Uint8Array; origin: unknown }> = [];
  const keeper = {
    stored,
    _storeUpdate: (update: Uint8Array, origin: unknown) => stored.push({ update, origin }),
  };
  doc.on('update', keeper._storeUpdate);
  return keeper;
}

const providers: WebsocketProvider[] = [];
function provider(doc: Y.Doc): WebsocketProvider {
  const made = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, {
    connect: false,
    disableBc: true,
    // Never connected: messages are handed to it directly. Node 20 has no global WebSocket.
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  });
  providers.push(made);
  return made;
}

/** A client's document with its local copy's keeper and its (unconnected) provider. */
function linkedDoc() {
  const doc = new Y.Doc();
  const keeper = keeperOn(doc);
  const link = provider(doc);
  return { doc, keeper, link };
}

/** The server's sync step 2 carrying its whole state, handed to the provider. */
function receiveState(link: WebsocketProvider, server: Y.Doc): Uint8Array {
  return receive(
    link,
    syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, server)),
  );
}

afterEach(() => {
  for (const made of providers.splice(0)) made.destroy();
  vi.restoreAllMocks();
});

describe('takeServerStateWhole', () => {
  it('applies the server state, stores the bytes as they came once, and marks the provider synced', () => {
    const server = serverDoc(300);
    const { doc, keeper, link } = linkedDoc();
    takeServerStateWhole(link, keeper);
    const step2 = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, server));
    const reply = receive(link, step2);

    expect(doc.getMap('records').toJSON()).toEqual(server.getMap('records').toJSON());
    // Once, by us, with the received bytes: had the keeper stayed a listener, Yjs would have
    // encoded the state again and handed it a second copy.
    expect(keeper.stored).toHaveLength(1);
    expect(keeper.stored[0]!.origin).toBe(link);
    expect(keeper.stored[0]!.update).toEqual(Y.encodeStateAsUpdate(server));
    // The very bytes of the message, not an encoding of them made by Yjs.
    expect(keeper.stored[0]!.update.buffer).toBe(step2.buffer);
    expect(link.synced).toBe(true);
    // The reply to step 2 is the message type alone: y-websocket sends nothing.
    expect(reply).toEqual(new Uint8Array([MESSAGE_SYNC]));
  });

  it('lets any other listener of updates still hear of the server state', () => {
    const server = serverDoc(20);
    const doc = new Y.Doc();
    const keeper = keeperOn(doc);
    const heard: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => heard.push(update));
    const link = provider(doc);
    takeServerStateWhole(link, keeper);

    receiveState(link, server);

    expect(heard).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, heard[0]!);
    expect(copy.getMap('records').toJSON()).toEqual(server.getMap('records').toJSON());
    expect(keeper.stored).toHaveLength(1);
  });

  it('puts the listeners back: a local change afterwards is stored and goes to the provider', () => {
    const server = serverDoc(5);
    const { doc, keeper, link } = linkedDoc();
    const sent = vi.fn();
    doc.off('update', link._updateHandler);
    const original = link._updateHandler;
    link._updateHandler = (update, origin) => {
      sent(origin);
      original(update, origin);
    };
    doc.on('update', link._updateHandler);
    takeServerStateWhole(link, keeper);

    receiveState(link, server);
    expect(sent).not.toHaveBeenCalled();

    doc.getMap('records').set('shape:local', { id: 'shape:local' });
    expect(sent).toHaveBeenCalledTimes(1);
    expect(keeper.stored).toHaveLength(2);
  });

  it('leaves sync step 1 and updates to y-websocket: step 1 is answered, an update is applied and stored', () => {
    const server = serverDoc(10);
    const { doc, keeper, link } = linkedDoc();
    takeServerStateWhole(link, keeper);

    const reply = receive(
      link,
      syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, server)),
    );
    const replyDecoder = decoding.createDecoder(reply);
    expect(decoding.readVarUint(replyDecoder)).toBe(MESSAGE_SYNC);
    expect(decoding.readVarUint(replyDecoder)).toBe(syncProtocol.messageYjsSyncStep2);

    receive(
      link,
      syncMessage((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(server))),
    );
    expect(doc.getMap('records').size).toBe(10);
    expect(keeper.stored).toHaveLength(1);
    expect(link.synced).toBe(false);
  });

  it('reports a broken state and goes on with its listeners in place', () => {
    const { doc, keeper, link } = linkedDoc();
    takeServerStateWhole(link, keeper);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    receive(
      link,
      syncMessage((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, new Uint8Array([200, 1, 2, 3, 250, 250, 250]));
      }),
    );

    expect(error).toHaveBeenCalled();
    expect(link.synced).toBe(false);
    expect(keeper.stored).toHaveLength(0);
    doc.getMap('records').set('shape:after', { id: 'shape:after' });
    expect(keeper.stored).toHaveLength(1);
  });
});
