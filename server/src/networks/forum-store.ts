import {
  forumThreadKindSchema,
  networkRoleSchema,
  type ForumAuthor,
  type ForumThreadKind,
} from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The forum's tables (migration "forum" in storage/sqlite-database.ts): threads of a network,
 * their posts (the first is the thread's opening post), each person's read mark per thread, and
 * what a thread became (an agenda item today; a work-plan action with issue #13).
 */

export interface ThreadRecord {
  id: string;
  networkId: string;
  kind: ForumThreadKind;
  title: string;
  authorId: string;
  createdAt: string;
  lastPostAt: string;
}

export interface PostRecord {
  id: string;
  seq: number;
  threadId: string;
  authorId: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
}

export interface ConversionRecord {
  threadId: string;
  kind: 'agenda-item';
  meetingId: string;
  addedAt: string;
}

interface ThreadRow {
  id: string;
  network_id: string;
  kind: string;
  title: string;
  author_id: string;
  created_at: string;
  last_post_at: string;
}

interface PostRow {
  id: string;
  seq: number;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  hidden_at: string | null;
}

interface AuthorRow {
  id: string;
  name: string;
  city: string | null;
  role: string | null;
  membership: string | null;
}

const toThread = (row: ThreadRow): ThreadRecord => ({
  id: row.id,
  networkId: row.network_id,
  // The column's CHECK holds the same list; parsing keeps a bad row from passing silently.
  kind: forumThreadKindSchema.parse(row.kind),
  title: row.title,
  authorId: row.author_id,
  createdAt: row.created_at,
  lastPostAt: row.last_post_at,
});

const toPost = (row: PostRow): PostRecord => ({
  id: row.id,
  seq: row.seq,
  threadId: row.thread_id,
  authorId: row.author_id,
  body: row.body,
  createdAt: row.created_at,
  editedAt: row.edited_at,
  hidden: row.hidden_at !== null,
});

export class SqliteForumStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      threads: db.prepare<[string], ThreadRow>(
        'SELECT * FROM forum_threads WHERE network_id = ? ORDER BY last_post_at DESC, id',
      ),
      thread: db.prepare<[string], ThreadRow>('SELECT * FROM forum_threads WHERE id = ?'),
      insertThread: db.prepare<[string, string, string, string, string, string, string]>(
        `INSERT INTO forum_threads (id, network_id, kind, title, author_id, created_at, last_post_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      touchThread: db.prepare<[string, string]>('UPDATE forum_threads SET last_post_at = ? WHERE id = ?'),
      deleteThread: db.prepare<[string]>('DELETE FROM forum_threads WHERE id = ?'),
      postsOfNetwork: db.prepare<[string], PostRow>(
        `SELECT p.* FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
         WHERE t.network_id = ? ORDER BY p.seq`,
      ),
      posts: db.prepare<[string], PostRow>('SELECT * FROM forum_posts WHERE thread_id = ? ORDER BY seq'),
      post: db.prepare<[string], PostRow>('SELECT * FROM forum_posts WHERE id = ?'),
      insertPost: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO forum_posts (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      editPost: db.prepare<[string, string, string]>(
        'UPDATE forum_posts SET body = ?, edited_at = ? WHERE id = ?',
      ),
      hidePost: db.prepare<[string | null, string | null, string]>(
        'UPDATE forum_posts SET hidden_at = ?, hidden_by = ? WHERE id = ?',
      ),
      deletePost: db.prepare<[string]>('DELETE FROM forum_posts WHERE id = ?'),
      reads: db.prepare<[string, string], { thread_id: string; read_seq: number }>(
        `SELECT r.thread_id, r.read_seq FROM forum_reads r JOIN forum_threads t ON t.id = r.thread_id
         WHERE t.network_id = ? AND r.person_id = ?`,
      ),
      markRead: db.prepare<[string, string, number]>(
        `INSERT INTO forum_reads (thread_id, person_id, read_seq) VALUES (?, ?, ?)
         ON CONFLICT (thread_id, person_id) DO UPDATE SET read_seq = MAX(read_seq, excluded.read_seq)`,
      ),
      conversions: db.prepare<
        [string],
        { thread_id: string; kind: string; meeting_id: string; added_at: string }
      >(
        `SELECT c.thread_id, c.kind, c.meeting_id, c.added_at FROM forum_conversions c
         JOIN forum_threads t ON t.id = c.thread_id WHERE t.network_id = ? ORDER BY c.added_at`,
      ),
      insertConversion: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO forum_conversions (thread_id, kind, meeting_id, added_by, added_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      // Authors as they are now: name and city from `persons`, their role in this network (none
      // once they left it), and whether their city is one of its observer cities.
      authors: db.prepare<[string, string], AuthorRow>(
        `SELECT p.id, p.name, c.name AS city, np.role, m.membership
         FROM persons p
         LEFT JOIN cities c ON c.id = p.city_id
         LEFT JOIN network_people np ON np.person_id = p.id AND np.network_id = ?
         LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = np.network_id
         WHERE p.id IN (SELECT f.author_id FROM forum_posts f JOIN forum_threads t ON t.id = f.thread_id
                        WHERE t.network_id = ?)`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  threads(networkId: string): ThreadRecord[] {
    return this.#s.threads.all(networkId).map(toThread);
  }

  thread(threadId: string): ThreadRecord | null {
    const row = this.#s.thread.get(threadId);
    return row ? toThread(row) : null;
  }

  insertThread(thread: ThreadRecord): void {
    this.#s.insertThread.run(
      thread.id,
      thread.networkId,
      thread.kind,
      thread.title,
      thread.authorId,
      thread.createdAt,
      thread.lastPostAt,
    );
  }

  touchThread(threadId: string, at: string): void {
    this.#s.touchThread.run(at, threadId);
  }

  deleteThread(threadId: string): void {
    this.#s.deleteThread.run(threadId);
  }

  /** Every post of the network's threads, oldest first. */
  postsOfNetwork(networkId: string): PostRecord[] {
    return this.#s.postsOfNetwork.all(networkId).map(toPost);
  }

  posts(threadId: string): PostRecord[] {
    return this.#s.posts.all(threadId).map(toPost);
  }

  post(postId: string): PostRecord | null {
    const row = this.#s.post.get(postId);
    return row ? toPost(row) : null;
  }

  insertPost(post: Pick<PostRecord, 'id' | 'threadId' | 'authorId' | 'body' | 'createdAt'>): void {
    this.#s.insertPost.run(post.id, post.threadId, post.authorId, post.body, post.createdAt);
  }

  editPost(postId: string, body: string, at: string): void {
    this.#s.editPost.run(body, at, postId);
  }

  /** Hides (with when and by whom) or shows a post again. */
  setHidden(postId: string, hidden: { at: string; by: string } | null): void {
    this.#s.hidePost.run(hidden?.at ?? null, hidden?.by ?? null, postId);
  }

  deletePost(postId: string): void {
    this.#s.deletePost.run(postId);
  }

  /** A person's read marks in a network's threads, by thread id. */
  readMarks(networkId: string, personId: string): Map<string, number> {
    return new Map(this.#s.reads.all(networkId, personId).map((row) => [row.thread_id, row.read_seq]));
  }

  /** Moves a read mark up (never down: an older tab cannot unread what a newer one read). */
  markRead(threadId: string, personId: string, seq: number): void {
    this.#s.markRead.run(threadId, personId, seq);
  }

  conversions(networkId: string): ConversionRecord[] {
    return this.#s.conversions.all(networkId).map((row) => ({
      threadId: row.thread_id,
      kind: row.kind === 'agenda-item' ? 'agenda-item' : unknownKind(row.kind),
      meetingId: row.meeting_id,
      addedAt: row.added_at,
    }));
  }

  insertConversion(conversion: ConversionRecord, addedBy: string): void {
    this.#s.insertConversion.run(
      conversion.threadId,
      conversion.kind,
      conversion.meetingId,
      addedBy,
      conversion.addedAt,
    );
  }

  /** The authors of a network's posts, as they are now, by person id. */
  authors(networkId: string): Map<string, ForumAuthor> {
    return new Map(
      this.#s.authors.all(networkId, networkId).map((row) => {
        const role = row.role === null ? null : networkRoleSchema.parse(row.role);
        const speaksForCity = role === 'representative' || role === 'substitute';
        const author: ForumAuthor = {
          personId: row.id,
          name: row.name,
          city: row.city,
          role,
          observer: speaksForCity && row.membership === 'observer',
        };
        return [row.id, author];
      }),
    );
  }
}

function unknownKind(kind: string): never {
  throw new Error(`forum_conversions holds an unknown kind: ${kind}`);
}
