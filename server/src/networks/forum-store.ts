import {
  forumThreadKindSchema,
  networkRoleSchema,
  type ForumAuthor,
  type ForumThreadKind,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The forum's tables (migration "forum" in storage/sqlite-database.ts; PostgreSQL's migration 2):
 * threads of a network, their posts (the first is the thread's opening post), each person's read
 * mark per thread, and what a thread became (an agenda item today; a work-plan action with issue
 * #13).
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

// Authors as they are now: name and city from `persons`, their role in this network (none once
// they left it), and whether their city is one of its observer cities.
const AUTHORS_SQL = `SELECT p.id, p.name, c.name AS city, np.role, m.membership
  FROM persons p
  LEFT JOIN cities c ON c.id = p.city_id
  LEFT JOIN network_people np ON np.person_id = p.id AND np.network_id = ?
  LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = np.network_id
  WHERE p.id IN (SELECT f.author_id FROM forum_posts f JOIN forum_threads t ON t.id = f.thread_id
                 WHERE t.network_id = ?)`;

/**
 * The forum's rows, on either engine. Callers run check-then-write inside `transaction`, whose
 * work gets the store bound to that transaction.
 */
export class ForumStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: ForumStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new ForumStore(tx)));
  }

  /** The network's threads, most recently active first. */
  async threads(networkId: string): Promise<ThreadRecord[]> {
    const rows = await this.#sql.all<ThreadRow>(
      'SELECT * FROM forum_threads WHERE network_id = ? ORDER BY last_post_at DESC, id',
      [networkId],
    );
    return rows.map(toThread);
  }

  async thread(threadId: string): Promise<ThreadRecord | null> {
    const row = await this.#sql.get<ThreadRow>('SELECT * FROM forum_threads WHERE id = ?', [threadId]);
    return row ? toThread(row) : null;
  }

  async insertThread(thread: ThreadRecord): Promise<void> {
    await this.#sql.run(
      `INSERT INTO forum_threads (id, network_id, kind, title, author_id, created_at, last_post_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        thread.id,
        thread.networkId,
        thread.kind,
        thread.title,
        thread.authorId,
        thread.createdAt,
        thread.lastPostAt,
      ],
    );
  }

  async touchThread(threadId: string, at: string): Promise<void> {
    await this.#sql.run('UPDATE forum_threads SET last_post_at = ? WHERE id = ?', [at, threadId]);
  }

  /** Deletes the thread with its posts, read marks and conversions. */
  async deleteThread(threadId: string): Promise<void> {
    await this.#sql.run('DELETE FROM forum_threads WHERE id = ?', [threadId]);
  }

  /** Every post of the network's threads, oldest first. */
  async postsOfNetwork(networkId: string): Promise<PostRecord[]> {
    const rows = await this.#sql.all<PostRow>(
      `SELECT p.* FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
       WHERE t.network_id = ? ORDER BY p.seq`,
      [networkId],
    );
    return rows.map(toPost);
  }

  /** A thread's posts, oldest (the opening post) first. */
  async posts(threadId: string): Promise<PostRecord[]> {
    const rows = await this.#sql.all<PostRow>('SELECT * FROM forum_posts WHERE thread_id = ? ORDER BY seq', [
      threadId,
    ]);
    return rows.map(toPost);
  }

  async post(postId: string): Promise<PostRecord | null> {
    const row = await this.#sql.get<PostRow>('SELECT * FROM forum_posts WHERE id = ?', [postId]);
    return row ? toPost(row) : null;
  }

  /** Adds a post after every post written before it: its `seq` is the forum's next. */
  async insertPost(
    post: Pick<PostRecord, 'id' | 'threadId' | 'authorId' | 'body' | 'createdAt'>,
  ): Promise<void> {
    await this.#sql.run(
      'INSERT INTO forum_posts (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
      [post.id, post.threadId, post.authorId, post.body, post.createdAt],
    );
  }

  async editPost(postId: string, body: string, at: string): Promise<void> {
    await this.#sql.run('UPDATE forum_posts SET body = ?, edited_at = ? WHERE id = ?', [body, at, postId]);
  }

  /** Hides (with when and by whom) or shows a post again. */
  async setHidden(postId: string, hidden: { at: string; by: string } | null): Promise<void> {
    await this.#sql.run('UPDATE forum_posts SET hidden_at = ?, hidden_by = ? WHERE id = ?', [
      hidden?.at ?? null,
      hidden?.by ?? null,
      postId,
    ]);
  }

  async deletePost(postId: string): Promise<void> {
    await this.#sql.run('DELETE FROM forum_posts WHERE id = ?', [postId]);
  }

  /** A person's read marks in a network's threads, by thread id. */
  async readMarks(networkId: string, personId: string): Promise<Map<string, number>> {
    const rows = await this.#sql.all<{ thread_id: string; read_seq: number }>(
      `SELECT r.thread_id, r.read_seq FROM forum_reads r JOIN forum_threads t ON t.id = r.thread_id
       WHERE t.network_id = ? AND r.person_id = ?`,
      [networkId, personId],
    );
    return new Map(rows.map((row) => [row.thread_id, row.read_seq]));
  }

  /** Moves a read mark up (never down: an older tab cannot unread what a newer one read). */
  async markRead(threadId: string, personId: string, seq: number): Promise<void> {
    await this.#sql.run(
      `INSERT INTO forum_reads (thread_id, person_id, read_seq) VALUES (?, ?, ?)
       ON CONFLICT (thread_id, person_id) DO UPDATE SET read_seq =
         CASE WHEN excluded.read_seq > forum_reads.read_seq THEN excluded.read_seq ELSE forum_reads.read_seq END`,
      [threadId, personId, seq],
    );
  }

  /** What the network's threads became, oldest first. */
  async conversions(networkId: string): Promise<ConversionRecord[]> {
    const rows = await this.#sql.all<{
      thread_id: string;
      kind: string;
      meeting_id: string;
      added_at: string;
    }>(
      `SELECT c.thread_id, c.kind, c.meeting_id, c.added_at FROM forum_conversions c
       JOIN forum_threads t ON t.id = c.thread_id WHERE t.network_id = ? ORDER BY c.added_at, c.thread_id`,
      [networkId],
    );
    return rows.map((row) => ({
      threadId: row.thread_id,
      kind: row.kind === 'agenda-item' ? 'agenda-item' : unknownKind(row.kind),
      meetingId: row.meeting_id,
      addedAt: row.added_at,
    }));
  }

  async insertConversion(conversion: ConversionRecord, addedBy: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO forum_conversions (thread_id, kind, meeting_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)`,
      [conversion.threadId, conversion.kind, conversion.meetingId, addedBy, conversion.addedAt],
    );
  }

  /** The authors of a network's posts, as they are now, by person id. */
  async authors(networkId: string): Promise<Map<string, ForumAuthor>> {
    const rows = await this.#sql.all<AuthorRow>(AUTHORS_SQL, [networkId, networkId]);
    return new Map(
      rows.map((row) => {
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
