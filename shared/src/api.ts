import { z } from 'zod';
import { identitySchema, cityNameSchema, personNameSchema } from './identity';
import { languageSchema } from './i18n/translate';
import { roleSchema } from './roles';
import { boardIdSchema } from './rooms';
import { agendaFormatSchema, ownAgendaItemKindSchema } from './networks/agenda';

/** Every error the HTTP API returns has this shape, whatever the status. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const ERROR_CODES = {
  badRequest: 'bad_request',
  invalidBody: 'invalid_body',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  internal: 'internal_error',
} as const;

import { boardFormatSchema } from './board-format';
export { BOARD_FORMATS, boardFormatSchema } from './board-format';
export type { BoardFormat } from './board-format';

export const invitesSchema = z.object({
  facilitator: z.url(),
  expert: z.url(),
  organiser: z.url(),
  participant: z.url(),
  guest: z.url(),
  observer: z.url(),
  room: z.url(),
});
export type Invites = z.infer<typeof invitesSchema>;

export const boardTitleSchema = z.string().trim().min(1, 'title is required').max(200);

export const createBoardRequestSchema = z.object({
  title: boardTitleSchema,
  format: boardFormatSchema,
  /** The language the template's sheets are written in (what the room reads on the wall). */
  language: languageSchema.default('pl'),
});
export type CreateBoardRequest = z.input<typeof createBoardRequestSchema>;

export const createBoardResponseSchema = z.object({
  id: boardIdSchema,
  invites: invitesSchema,
});
export type CreateBoardResponse = z.infer<typeof createBoardResponseSchema>;

const boardAgendaMinutesSchema = z.number().int().min(1).max(480);

/**
 * A meeting board's agenda (D16): the meeting's agenda as the board was made from it, each step
 * pinned to the version of its format of that day, so a later version never moves the board's
 * sheets. The board's steps are composed from it (formats package, `agendaFormat`).
 */
export const boardAgendaItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('step'),
    format: agendaFormatSchema,
    version: z.number().int().positive(),
    stepId: z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a step id'),
    minutes: boardAgendaMinutesSchema,
  }),
  z.object({
    kind: ownAgendaItemKindSchema,
    title: z.string().trim().max(200),
    minutes: boardAgendaMinutesSchema,
  }),
]);
export type BoardAgendaItem = z.infer<typeof boardAgendaItemSchema>;
export const boardAgendaSchema = z.array(boardAgendaItemSchema).min(1);
export type BoardAgenda = z.infer<typeof boardAgendaSchema>;

export const boardInfoSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  format: boardFormatSchema,
  /**
   * The version of `format` the board was made with, kept for good: a later version of the format
   * never changes an older board's sheets, its guard, print or draft (D16, D26).
   */
  formatVersion: z.number().int().positive(),
  language: languageSchema,
  createdAt: z.iso.datetime(),
  /** Only a meeting's board has one; its steps then follow the agenda, not `format` (D16). */
  agenda: boardAgendaSchema.optional(),
});
export type BoardInfo = z.infer<typeof boardInfoSchema>;

/** What the admin sees of each board: its invites, to copy and hand out. */
export const adminBoardSchema = boardInfoSchema.extend({ invites: invitesSchema });
export type AdminBoard = z.infer<typeof adminBoardSchema>;

export const boardListResponseSchema = z.object({ boards: z.array(adminBoardSchema) });
export type BoardListResponse = z.infer<typeof boardListResponseSchema>;

/** GET /api/boards/:id answers with the board and the role the caller's token carries. */
export const boardAccessResponseSchema = z.object({
  board: boardInfoSchema,
  role: roleSchema.nullable(),
});
export type BoardAccessResponse = z.infer<typeof boardAccessResponseSchema>;

/** POST /api/boards/:id/join, with the invite token as Bearer. */
export const locationSchema = z.enum(['room', 'online']);
export type Location = z.infer<typeof locationSchema>;

/**
 * A random secret this browser keeps for a board (localStorage), sent with every join so that a
 * re-join is the same person ([I1]). The server keeps only its hash. At least 128 bits.
 */
export const deviceSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'not a device secret');

export const joinRequestSchema = z.object({
  name: personNameSchema,
  city: cityNameSchema,
  /** In the room or online: the attendance list of a hybrid meeting shows both. */
  where: locationSchema.nullable().default(null),
  /** Absent: a new person. The same secret through the same role's link: the same person. */
  deviceSecret: deviceSecretSchema.optional(),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

export const joinResponseSchema = z.object({
  sessionToken: z.string(),
  identity: identitySchema,
  board: boardInfoSchema,
  expiresAt: z.iso.datetime(),
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/**
 * GET /api/boards/:id/people (the facilitator and the expert): everyone who ever joined the board,
 * as the people store keeps them ([I2]). `mergedInto` names the person an alias counts as;
 * `online` is whether any of the person's devices is connected now.
 */
export const PERSON_STATUSES = ['active', 'merged', 'removed'] as const;
export const personEntrySchema = z.object({
  id: z.string(),
  role: roleSchema,
  name: z.string(),
  city: z.string(),
  joinedAt: z.iso.datetime(),
  lastJoinedAt: z.iso.datetime(),
  status: z.enum(PERSON_STATUSES),
  mergedInto: z.string().nullable(),
  online: z.boolean(),
});
export type PersonEntry = z.infer<typeof personEntrySchema>;

export const peopleResponseSchema = z.object({ people: z.array(personEntrySchema) });
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;

/** POST /api/boards/:id/people/:personId/merge: the person in the path becomes an alias of `into`. */
export const mergePersonRequestSchema = z.object({ into: z.string().min(1).max(64) });
export type MergePersonRequest = z.infer<typeof mergePersonRequestSchema>;

/** POST /api/boards/:id/invites/:role/revoke: the old link stops working, a new one is issued. */
export const revokeInviteResponseSchema = z.object({
  role: roleSchema,
  invite: z.url(),
});
export type RevokeInviteResponse = z.infer<typeof revokeInviteResponseSchema>;

/** GET /api/config: what the client needs from the operator's configuration. */
export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  version: z.string(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

/** One engine the process depends on (SQLite, PostgreSQL, Redis) as its last check found it. */
export const engineHealthSchema = z.object({
  name: z.string(),
  status: z.enum(['up', 'down']),
  /** How long the check took; a check that timed out reports its deadline. */
  latencyMs: z.number(),
  /** Why a down engine is down, as a class: the details (addresses, messages) go to the log only. */
  problem: z.enum(['timeout', 'failed']).optional(),
});
export type EngineHealth = z.infer<typeof engineHealthSchema>;

/**
 * `GET /healthz`: 200 with `ok` when every engine answered; 503 with `down` when one did not, or
 * `draining` while the process shuts down (docs/operations.md, "Watch").
 */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'down', 'draining']),
  version: z.string(),
  uptimeSeconds: z.number(),
  rooms: z.number().int(),
  connections: z.number().int(),
  engines: z.array(engineHealthSchema),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export { boardIdSchema };

/** A person's id on a board, in a path (merge, remove). */
export const boardPersonIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A format step's id: in a path, a query or an agenda. */
export const stepIdSchema = z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a step id');

/** GET /api/boards/:id/print?paper=…: the paper the sheets are printed on. */
export const PRINT_PAPERS = ['flipchart', 'a3', 'a4'] as const;
export const printPaperSchema = z.enum(PRINT_PAPERS);
export type PrintPaper = z.infer<typeof printPaperSchema>;

/** A photo's id: 96 random bits, so only the board it is on knows its address. */
export const photoIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/** POST /api/boards/:id/photos: the photo as it was put on the canvas. */
export const photoUploadResponseSchema = z.object({
  photo: z.object({
    id: photoIdSchema,
    url: z.string(),
    width: z.number(),
    height: z.number(),
    stepId: stepIdSchema.nullable(),
  }),
});
export type PhotoUploadResponse = z.infer<typeof photoUploadResponseSchema>;
export type UploadedPhoto = PhotoUploadResponse['photo'];
