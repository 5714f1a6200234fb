import type { Role } from '@empiria/shared';

/** What a room needs to know of a connection: where to send, its role, and its id for logs. */
export interface RoomMember {
  readonly id: string;
  readonly role: Role;
  /** The person behind the connection: a presence id stays theirs across reconnects ([A1]). */
  readonly personId: string;
  send(frame: Uint8Array): void;
  /** Several frames in one write to the network (the room's batched sends, [S9]). */
  sendAll(frames: readonly Uint8Array[]): void;
}
