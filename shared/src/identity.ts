import { z } from 'zod';
import { roleSchema } from './roles';

export const personNameSchema = z.string().trim().min(1, 'name is required').max(80);
export const cityNameSchema = z.string().trim().min(1, 'city is required').max(80);

/**
 * Who is behind a connection. The server stamps it into every awareness state from the token,
 * so nobody can appear on the board as someone else.
 */
export const identitySchema = z.object({
  id: z.string().min(1).max(64),
  name: personNameSchema,
  city: cityNameSchema,
  role: roleSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/),
});
export type Identity = z.infer<typeof identitySchema>;

/**
 * City colours: saturated enough to tell apart on a projector, dark enough for white text.
 * A city keeps its colour on every board because the colour is derived from its name.
 */
export const CITY_PALETTE = [
  '#d7263d',
  '#1b6ca8',
  '#2e933c',
  '#8e44ad',
  '#e36414',
  '#0f766e',
  '#b8336a',
  '#5c4d7d',
  '#9a6324',
  '#1d4ed8',
  '#be123c',
  '#15803d',
] as const;

function cityHash(city: string): number {
  const key = city.trim().toLocaleLowerCase('pl');
  // FNV-1a: tiny, stable across runtimes, spreads short names well.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function cityColor(city: string): string {
  return CITY_PALETTE[cityHash(city) % CITY_PALETTE.length] as string;
}

/**
 * Sticky notes take a city's colour too, from tldraw's named note colours (light enough for
 * black text). The author's name on the note says whose it is; the colour only helps.
 */
export const NOTE_COLORS = [
  'yellow',
  'light-blue',
  'light-green',
  'light-violet',
  'orange',
  'light-red',
] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export function cityNoteColor(city: string): NoteColor {
  return NOTE_COLORS[cityHash(city) % NOTE_COLORS.length] as NoteColor;
}
