/**
 * The y-websocket wire protocol, as both sides speak it. Each binary frame starts with a varUint
 * message type; sync frames then carry a y-protocols sync sub-message (step 1: a state vector,
 * step 2: the missing update, or an update), awareness frames an awareness update.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a sync frame, as y-protocols/sync defines them. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/**
 * Websocket close codes. 1009 is the standard "message too big"; the 4xxx codes are ours and are
 * documented in docs/protocol.md.
 */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  messageTooBig: 1009,
  /** The frame could not be decoded, or Yjs rejected the update. */
  malformedFrame: 4400,
  /** The token stopped being valid while connected (revoked invite). */
  unauthorized: 4401,
  /**
   * The server refused an update (invalid content, a part of the document the sender may not
   * write, over a quota): nothing of it was kept. The client drops its local copy and loads the
   * server's again.
   */
  updateRefused: 4422,
  /** Too many frames queued before the document finished loading. */
  overloaded: 4429,
  /** The server could not store the update; the client should retry on reconnect. */
  storageFailure: 4500,
  /**
   * The server process is shutting down (a restart, a deploy); whatever it acknowledged is stored.
   * Reconnect soon: to its successor, or to another process behind the same proxy. Like every
   * 45xx code, y-websocket reconnects on it by itself.
   */
  restarting: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** 2 MiB: a pasted image goes through the HTTP API, so a frame this large is already unusual. */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;
