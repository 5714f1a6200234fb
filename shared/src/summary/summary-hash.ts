import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

/** JSON with object keys sorted, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON, hex: the identity of a version the group approves. */
export function contentHash(value: unknown): string {
  const bytes = digest(encodeUtf8(canonicalJson(value)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
