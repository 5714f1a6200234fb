import {
  ROLES,
  cityColor,
  type AdminBoard,
  type BoardAgenda,
  type BoardFormat,
  type BoardInfo,
  type Language,
  type Identity,
  type Invites,
  type JoinRequest,
  type Role,
} from '@empiria/shared';
import type { BoardRepository } from '../storage/board-repository';
import type { PersonalOrigin, TokenCodec, SessionClaims } from '../auth/tokens';
import { newId } from '../ids';
import { currentFormatVersion } from './board-format';
import { BoardInUseError } from './initial-documents';
import type { PeopleService } from './people-service';

/**
 * Boards and invite links: creating a board hands out one link per role; a link can be replaced
 * (the old one and every session made from it stop working); joining turns a link plus a name and
 * a city into a session token for a person the board remembers ([I1]).
 */
export class BoardService {
  readonly #repo: BoardRepository;
  readonly #tokens: TokenCodec;
  readonly #publicUrl: () => string;
  readonly #sessionTtlSeconds: number;
  /** Who is who on each board: joins, merges, removals. */
  readonly people: PeopleService;

  constructor(args: {
    repo: BoardRepository;
    tokens: TokenCodec;
    publicUrl: () => string;
    sessionTtlSeconds: number;
    people: PeopleService;
  }) {
    this.#repo = args.repo;
    this.people = args.people;
    this.#tokens = args.tokens;
    this.#publicUrl = args.publicUrl;
    this.#sessionTtlSeconds = args.sessionTtlSeconds;
  }

  /**
   * Makes a board: `initialize` writes its documents first, and only then is the board stored, so
   * a failure leaves no board without its template (only unreachable documents).
   */
  async create(
    request: { title: string; format: BoardFormat; language: Language; agenda?: BoardAgenda },
    initialize: (board: BoardInfo) => Promise<void>,
    now = new Date(),
  ): Promise<{ board: BoardInfo; invites: Invites }> {
    const board: BoardInfo = {
      id: newId(9),
      title: request.title,
      format: request.format,
      formatVersion: currentFormatVersion(request.format),
      language: request.language,
      createdAt: now.toISOString(),
      ...(request.agenda ? { agenda: request.agenda } : {}),
    };
    await initialize(board);
    const invites = ROLES.map((role) => ({ id: newId(), role }));
    await this.#repo.create({ ...board, invites });
    return { board, invites: await this.invitesOf(board.id) };
  }

  get(id: string): Promise<BoardInfo | null> {
    return this.#repo.get(id);
  }

  /**
   * A meeting board's new agenda (D16): refused with `BoardInUseError` once anyone has joined
   * the board; `rewrite` rewrites its documents (and refuses a board someone worked on) before the
   * new agenda is stored, so a refusal leaves board and documents as they were.
   */
  async replaceAgenda(
    boardId: string,
    agenda: BoardAgenda,
    rewrite: (before: BoardInfo, after: BoardInfo) => Promise<void>,
  ): Promise<BoardInfo> {
    const before = await this.#repo.get(boardId);
    if (!before) throw new Error(`no board ${boardId}`);
    if ((await this.people.list(boardId, new Set())).length > 0) {
      throw new BoardInUseError('people have joined the board');
    }
    const after: BoardInfo = { ...before, agenda };
    await rewrite(before, after);
    await this.#repo.setAgenda(boardId, agenda);
    return after;
  }

  async listForAdmin(): Promise<AdminBoard[]> {
    const boards: AdminBoard[] = [];
    for (const board of await this.#repo.list())
      boards.push({ ...board, invites: await this.invitesOf(board.id) });
    return boards;
  }

  async invitesOf(boardId: string): Promise<Invites> {
    const links: Partial<Record<Role, string>> = {};
    for (const invite of await this.#repo.activeInvites(boardId)) {
      links[invite.role] = this.#inviteUrl(boardId, invite.role, invite.id);
    }
    // A board made before a role existed (the guest expert's, issue #12) gets that role's link the
    // first time its links are read: every board has one active link per role.
    for (const role of ROLES) {
      if (links[role] === undefined) links[role] = (await this.rotateInvite(boardId, role)).invite;
    }
    return links as Invites;
  }

  /** Replaces a role's link; returns the new link and the revoked invite's id (if any). */
  async rotateInvite(
    boardId: string,
    role: Role,
    now = new Date(),
  ): Promise<{ invite: string; revokedIds: string[] }> {
    const revokedIds = (await this.#repo.activeInvites(boardId))
      .filter((invite) => invite.role === role)
      .map((invite) => invite.id);
    const replacement = await this.#repo.rotateInvite(boardId, role, newId(), now.toISOString());
    return { invite: this.#inviteUrl(boardId, role, replacement.id), revokedIds };
  }

  isInviteActive(inviteId: string, boardId: string): Promise<boolean> {
    return this.#repo.isInviteActive(inviteId, boardId);
  }

  /**
   * A session for the person this join speaks for: the same person again when the device secret
   * is one the board knows for this role ([I1]), else a new one; 403 `person_removed` for a device
   * the facilitator removed ([I3]). A join from home names the personal link it came through, so
   * the session ends with that link ([N12]).
   */
  async join(
    boardId: string,
    role: Role,
    inviteId: string,
    request: JoinRequest,
    now = new Date(),
    personalLink?: PersonalOrigin,
  ): Promise<{ sessionToken: string; identity: Identity; expiresAt: string }> {
    const person = await this.people.admit(boardId, role, inviteId, request, now.getTime());
    const expires = Math.floor(now.getTime() / 1000) + this.#sessionTtlSeconds;
    const claims: SessionClaims = {
      k: 'session',
      b: boardId,
      r: role,
      i: inviteId,
      u: person.id,
      n: request.name,
      c: request.city,
      e: expires,
      ...(personalLink ? { h: personalLink } : {}),
    };
    return {
      sessionToken: this.#tokens.sign(claims),
      identity: identityOf(claims),
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  #inviteUrl(boardId: string, role: Role, inviteId: string): string {
    const token = this.#tokens.sign({ k: 'invite', b: boardId, r: role, i: inviteId });
    return `${this.#publicUrl()}/b/${boardId}?token=${token}`;
  }
}

export function identityOf(claims: SessionClaims): Identity {
  return { id: claims.u, name: claims.n, city: claims.c, role: claims.r, color: cityColor(claims.c) };
}
