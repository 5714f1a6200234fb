import { z } from 'zod';
import { cityNameSchema, deviceSecretSchema, joinResponseSchema, personNameSchema } from '@empiria/shared';
import type { JoinResponse } from '@empiria/shared';

/**
 * What this device remembers: the session of each board joined (so a reload goes straight back
 * to the board), the person's name and city (to prefill the next join form), and a secret per
 * board that makes a re-join from this browser the same person ([I1]).
 */

const sessionKey = (boardId: string) => `empiria.session.${boardId}`;
const deviceKey = (boardId: string) => `empiria.device.${boardId}`;
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

/**
 * This browser's secret for a board, made on first use: 128 random bits the server keeps only a
 * hash of. Sent with every join, so that joining again — after a reload, an expired session or a
 * new link — is the same person, with the same notes and the same dots. Null without storage:
 * then each join is a new person, as it was before.
 */
export function deviceSecret(boardId: string): string | null {
  try {
    const stored = deviceSecretSchema.safeParse(localStorage.getItem(deviceKey(boardId)));
    if (stored.success) return stored.data;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const secret = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    localStorage.setItem(deviceKey(boardId), secret);
    return localStorage.getItem(deviceKey(boardId)) === secret ? secret : null;
  } catch {
    return null;
  }
}
