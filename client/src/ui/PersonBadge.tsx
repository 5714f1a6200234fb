import type { Identity } from '@empiria/shared';
import { readableTextOn } from './readable-text';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters
    .map((part) => part?.[0] ?? '')
    .join('')
    .toLocaleUpperCase('pl');
}

/** A city-coloured circle with the person's initials: the colour is never the only signal. */
export function PersonBadge({ identity, size = 'md' }: { identity: Identity; size?: 'sm' | 'md' }) {
  return (
    <span
      className={`person-badge person-badge-${size}`}
      style={{ backgroundColor: identity.color, color: readableTextOn(identity.color) }}
      aria-hidden="true"
    >
      {initials(identity.name)}
    </span>
  );
}
