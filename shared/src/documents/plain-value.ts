/**
 * What a value stored in a shared document may be: plain JSON. Yjs's binary encoding also carries
 * BigInts, byte arrays, `undefined` and non-finite numbers, none of which JSON (or a client that
 * serializes records) can hold; one such value in a record leaves every client unable to show the
 * board. The server checks each stored value with this before it reaches the document.
 */
export interface PlainValueLimits {
  /** Nesting of arrays and objects. */
  maxDepth: number;
  /** UTF-8 bytes of the value as JSON. */
  maxBytes: number;
}

/** Why `value` is not plain JSON within the limits, or null when it is. */
export function plainValueProblem(value: unknown, limits: PlainValueLimits): string | null {
  const problem = shapeProblem(value, 0, limits.maxDepth);
  if (problem) return problem;
  const bytes = jsonBytes(value);
  if (bytes > limits.maxBytes) return `value is ${bytes} bytes, more than ${limits.maxBytes}`;
  return null;
}

/** UTF-8 size of the value as JSON (what a client downloads and parses). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one four-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function shapeProblem(value: unknown, depth: number, maxDepth: number): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : 'a number that is not finite';
    case 'object':
      break;
    default:
      return `a value of type ${typeof value}`;
  }
  if (value === null) return null;
  if (depth >= maxDepth) return `nested deeper than ${maxDepth}`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = shapeProblem(item, depth + 1, maxDepth);
      if (problem) return problem;
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return 'an object that is not plain data';
  for (const item of Object.values(value as Record<string, unknown>)) {
    // An absent optional field written as `undefined` is what a JSON round trip drops anyway.
    if (item === undefined) continue;
    const problem = shapeProblem(item, depth + 1, maxDepth);
    if (problem) return problem;
  }
  return null;
}
