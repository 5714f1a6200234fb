import { z } from 'zod';
import { privateNoteSchema, privateWritingStateSchema } from './private-writing';
import { raisedHandsSchema } from './raised-hands';
import { timerStateSchema } from './timer';
import { shapeIdSchema, votingStateSchema } from './voting';

/**
 * The envelopes of the facilitation endpoints (docs/api.md, "Facilitation"): the server types its
 * answers with them, the client parses them with them. The states inside are the control
 * document's own schemas.
 */

/** GET /api/time: the server's clock, which every timer counts by. */
export const serverTimeResponseSchema = z.object({ now: z.number() });
export type ServerTimeResponse = z.infer<typeof serverTimeResponseSchema>;

/** POST /api/boards/:id/timer */
export const timerResponseSchema = z.object({ timer: timerStateSchema, serverNow: z.number() });
export type TimerResponse = z.infer<typeof timerResponseSchema>;

/** POST /api/boards/:id/votes and …/votes/:sessionId/close */
export const votingResponseSchema = z.object({ voting: votingStateSchema });
export type VotingResponse = z.infer<typeof votingResponseSchema>;

/** A vote's id in a path. */
export const voteSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** POST /api/boards/:id/votes/:sessionId/ballots */
export const ballotRequestSchema = z.object({ targetId: shapeIdSchema });
export type BallotRequest = z.infer<typeof ballotRequestSchema>;

/** POST /api/boards/:id/private-writing and …/private-writing/reveal */
export const privateWritingResponseSchema = z.object({ privateWriting: privateWritingStateSchema });
export type PrivateWritingResponse = z.infer<typeof privateWritingResponseSchema>;

/** PUT /api/boards/:id/private-notes/:noteId */
export const privateNoteResponseSchema = z.object({ note: privateNoteSchema });
export type PrivateNoteResponse = z.infer<typeof privateNoteResponseSchema>;

/** DELETE /api/boards/:id/private-notes/:noteId */
export const privateNoteRemovedResponseSchema = z.object({ removed: shapeIdSchema });
export type PrivateNoteRemovedResponse = z.infer<typeof privateNoteRemovedResponseSchema>;

/** POST /api/boards/:id/hand and …/hands/:personId/lower */
export const raisedHandsResponseSchema = z.object({ hands: raisedHandsSchema });
export type RaisedHandsResponse = z.infer<typeof raisedHandsResponseSchema>;
