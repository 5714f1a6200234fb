// The folder-level view of a module graph: which top-level folders import which, and the groups of
// folders that import each other round in a circle. Pure; scripts/folder-cycles.mjs feeds it
// madge's graph of client/src.

/** The top-level folder of a path relative to the source root; null for a file at the root. */
export function folderOf(path) {
  const slash = path.indexOf('/');
  return slash === -1 ? null : path.slice(0, slash);
}

/**
 * Folder → folder edges, each with the first file import that makes it (for the message).
 * `graph` is madge's: `{ 'a/x.ts': ['b/y.ts', …] }`, paths relative to the source root.
 */
export function folderEdges(graph) {
  const edges = new Map();
  for (const [file, imports] of Object.entries(graph)) {
    const from = folderOf(file);
    if (from === null) continue;
    for (const target of imports) {
      const to = folderOf(target);
      if (to === null || to === from || to.startsWith('..')) continue;
      const key = `${from}\u0000${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, file, target });
    }
  }
  return [...edges.values()];
}

/**
 * The folders that reach each other (strongly connected components of two or more folders, or a
 * folder importing itself through others), each sorted, with the edges inside it. Tarjan's
 * algorithm, iterative enough for a few dozen folders.
 */
export function folderCycles(graph) {
  const edges = folderEdges(graph);
  const next = new Map();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from).push(to);
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const other of next.get(node)) {
      if (!index.has(other)) {
        visit(other);
        low.set(node, Math.min(low.get(node), low.get(other)));
      } else if (onStack.has(other)) {
        low.set(node, Math.min(low.get(node), index.get(other)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((folders) => {
    const inside = edges.filter(({ from, to }) => folders.includes(from) && folders.includes(to));
    return { folders, edges: inside, shortest: shortestCircle(folders, inside) };
  });
}

/** The shortest way round inside a group, as the edges to follow: the one to cut first. */
function shortestCircle(folders, edges) {
  let best = null;
  for (const start of folders) {
    // Breadth-first from `start` until an edge leads back to it.
    const cameBy = new Map([[start, null]]);
    const queue = [start];
    let closing = null;
    while (queue.length > 0 && closing === null) {
      const node = queue.shift();
      for (const edge of edges) {
        if (edge.from !== node) continue;
        if (edge.to === start) {
          closing = edge;
          break;
        }
        if (!cameBy.has(edge.to)) {
          cameBy.set(edge.to, edge);
          queue.push(edge.to);
        }
      }
    }
    if (closing === null) continue;
    const path = [closing];
    for (let edge = cameBy.get(closing.from); edge; edge = cameBy.get(edge.from)) path.unshift(edge);
    if (best === null || path.length < best.length) best = path;
  }
  return best ?? [];
}
