import { z } from 'zod';
import { cityNameSchema, joinResponseSchema, personNameSchema } from '@empiria/shared';
import type { JoinResponse } from '@empiria/shared';

/**
 * What this device remembers: the session of each board joined (so a reload goes straight back
 * to the board) and the person's name and city (to prefill the next join form).
 */

const sessionKey = (boardId: string) => `empiria.session.${boardId}`;
const PROFILE_KEY = 'empiria.profile';

const profileSchema = z.object({ name: personNameSchema, city: cityNameSchema });
export type Profile = z.infer<typeof profileSchema>;

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No storage (private mode, quota): the app still works for this tab.
  }
}

export function readSession(boardId: string): JoinResponse | null {
  const parsed = joinResponseSchema.safeParse(readJson(sessionKey(boardId)));
  if (!parsed.success || parsed.data.board.id !== boardId) return null;
  if (Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
  return parsed.data;
}

export function saveSession(session: JoinResponse): void {
  writeJson(sessionKey(session.board.id), session);
}

export function forgetSession(boardId: string): void {
  try {
    localStorage.removeItem(sessionKey(boardId));
  } catch {
    // Nothing to forget.
  }
}

export function readProfile(): Profile | null {
  const parsed = profileSchema.safeParse(readJson(PROFILE_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveProfile(profile: Profile): void {
  writeJson(PROFILE_KEY, profile);
}
