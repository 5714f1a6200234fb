import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InspectionError, inspectUpdate } from './update-inspection';

/** [D1] The inspection reports where Yjs will put each part of an update, not what the update claims. */
describe('inspectUpdate', () => {
  it('places new items by their parent, neighbour or map key', () => {
    const doc = new Y.Doc();
    doc.getArray('records').push([{ key: 'a' }]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(client);
    client.getArray('records').push([{ key: 'b' }]);
    client.getMap('meta').set('schema', 1);
    const places = inspectUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(client, vector))).insertions.map(
      (i) => [i.place.root, i.place.parentSub],
    );
    expect(places).toEqual([
      ['records', null],
      ['meta', 'schema'],
    ]);
  });

  it('judges a struct the document has in part by where Yjs will integrate its rest', () => {
    // The server's own client wrote a map value at clock 1; an update re-sends clocks 0–2 of that
    // client as one array struct. Yjs keeps clocks 0–1 from the document and puts clock 2 after
    // the map value — into the map, under its key.
    const doc = new Y.Doc();
    doc.getArray('records').push([{ key: 'a' }]);
    doc.getMap('meta').set('schema', 'real');
    const forged = new Y.Doc();
    forged.clientID = doc.clientID;
    forged.getArray('records').push([{ key: 'x' }, { key: 'y' }, { key: 'z' }]);
    const inspection = inspectUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(forged)));
    expect(inspection.insertions.map((i) => [i.place.root, i.place.parentSub])).toEqual([['meta', 'schema']]);
    expect(inspection.insertions[0]?.content.getContent()).toEqual([{ key: 'z' }]);
    // And Yjs indeed does that.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(forged));
    expect(doc.getMap('meta').get('schema')).toEqual({ key: 'z' });
  });

  it('ignores what the document already has whole', () => {
    const doc = new Y.Doc();
    doc.getArray('records').push([{ key: 'a' }]);
    expect(inspectUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(doc))).insertions).toEqual([]);
  });

  it('refuses an update that depends on changes the document does not have', () => {
    const doc = new Y.Doc();
    const client = new Y.Doc();
    client.getArray('records').push([1]);
    const vector = Y.encodeStateVector(client);
    client.getArray('records').push([2]);
    expect(() => inspectUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(client, vector)))).toThrow(
      InspectionError,
    );
  });

  it('refuses an item whose right neighbour the document does not have, though its left one is known', () => {
    const server = new Y.Doc();
    server.getArray('records').push([1]);
    // Another client appended 2, which never reached the server; a third inserts before it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    other.getArray('records').push([2]);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(other));
    const vector = Y.encodeStateVector(writer);
    writer.getArray('records').insert(1, [3]);
    const update = Y.encodeStateAsUpdate(writer, vector);
    expect(() => inspectUpdate(server, Y.decodeUpdate(update))).toThrow(/does not have/);
    // Given its neighbour, the same update is judged as usual.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    expect(inspectUpdate(server, Y.decodeUpdate(update)).insertions).toHaveLength(1);
  });

  it('reports only what the delete set names of an item Yjs merged with its neighbours', () => {
    const doc = new Y.Doc();
    const a = { key: 'a' };
    const b = { key: 'b' };
    const c = { key: 'c' };
    // Three pushes of one client: one item in the document, holding all three.
    for (const entry of [a, b, c]) doc.getArray('records').push([entry]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(client);
    client.getArray('records').delete(1, 1);
    const { deletions } = inspectUpdate(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(client, vector)));
    expect(deletions.map((d) => d.content.getContent())).toEqual([[b]]);
    // The very entry the document holds, and the document's own item left whole.
    expect(deletions[0]?.content.getContent()[0]).toBe(doc.getArray('records').get(1));
    expect(doc.getArray('records').toArray()).toEqual([a, b, c]);
  });
});
