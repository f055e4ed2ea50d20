/**
 * The change feed of a PostgreSQL store, for `watchChanges`: one connection of its own (not from
 * the pool, whose connections come and go, and never through a transaction pooler, which would drop
 * the LISTEN) waits on `bilateral_changes`, which every write transaction NOTIFYs when it commits
 * (the change-feed migration). A notification only says "read": the changes themselves are read
 * from `revisions` after the last revision delivered, whose IDs follow commit order (the migration
 * says how), so each is delivered once, in commit order, and never for a write rolled back. A lost
 * connection is opened again, with a growing pause, and the same read then catches up with what
 * was committed meanwhile.
 *
 * A hot standby refuses LISTEN and never hears the primary's NOTIFY (notifications are not
 * replicated), but it replays the revisions in commit order: on a standby the connection asks every
 * `STANDBY_POLL_MS` whether it is still one, and the same read delivers what was replayed. Once the
 * standby is promoted, the next poll LISTENs on the same connection, and notifications take over.
 *
 * Hand-written: pg-listen and similar packages reconnect and re-LISTEN but know nothing of the
 * catch-up, which is the part that matters, and the rest is a few lines over node-postgres.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { ChangeWatcher, CommittedChange } from '../live/change-feed.ts';
import type { PostgresStore } from './client.ts';

export const CHANGES_CHANNEL = 'bilateral_changes';
/** How the listening connection shows in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'bilateral change listener';

/** Changes read per statement while catching up. */
const READ_BATCH = 500;
const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 2000;
/** How often a listener on a hot standby looks for replayed revisions (and for its promotion). */
export const STANDBY_POLL_MS = 250;

type ChangeRow = { [Key in keyof CommittedChange]: CommittedChange[Key] };

export class ChangeListener {
  private readonly watchers = new Set<ChangeWatcher>();
  private started: Promise<void> | undefined;
  private lastSeen = 0;
  private stopListening: (() => Promise<void>) | undefined;
  private reading = false;
  private readAgain = false;
  private pauseMs = FIRST_PAUSE_MS;
  private timer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly store: PostgresStore) {}

  /** Adds a watcher; resolves once the feed listens (the first watcher starts it, from the newest revision). */
  async watch(watcher: ChangeWatcher): Promise<() => void> {
    this.watchers.add(watcher);
    try {
      this.started ??= this.start();
      await this.started;
    } catch (error) {
      this.watchers.delete(watcher);
      this.started = undefined;
      throw error;
    }
    return () => {
      this.watchers.delete(watcher);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    await this.stopListening?.().catch(() => {});
  }

  private async start() {
    const { rows } = await this.store.db.execute<{ last: number }>(
      sql`select coalesce(max(id), 0)::integer as last from revisions`,
    );
    this.lastSeen = rows[0]!.last;
    await this.listen();
  }

  /** LISTENs, then reads what was committed before the LISTEN took hold. */
  private async listen() {
    const { backend } = this.store;
    if (backend.kind === 'pglite') {
      const unlisten = await backend.pglite.listen(CHANGES_CHANNEL, () => this.read());
      this.stopListening = unlisten;
    } else {
      const client = new pg.Client({
        ...(backend.pool.options as pg.ClientConfig),
        application_name: LISTENER_APPLICATION_NAME,
      });
      client.on('error', () => {});
      client.on('notification', () => this.read());
      client.on('end', () => {
        clearTimeout(this.pollTimer);
        if (!this.closed) this.reconnectLater();
      });
      this.stopListening = () => client.end();
      try {
        await client.connect();
        if (await inRecovery(client)) this.pollLater(client);
        else await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      } catch (error) {
        // Whoever called says what happens next: the first start fails, a reconnect tries again later.
        client.removeAllListeners('end');
        await client.end().catch(() => {});
        throw error;
      }
    }
    this.pauseMs = FIRST_PAUSE_MS;
    this.read();
  }

  /** On a standby: reads what was replayed every STANDBY_POLL_MS, and LISTENs once it is promoted. */
  private pollLater(client: pg.Client) {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(async () => {
      try {
        if (await inRecovery(client)) this.pollLater(client);
        else await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      } catch {
        // Ending the client reconnects it, and the reconnect polls or listens as the server then is.
        await client.end().catch(() => {});
      }
      this.read();
    }, STANDBY_POLL_MS);
    this.pollTimer.unref();
  }

  private reconnectLater() {
    this.later(() => this.listen().catch(() => this.reconnectLater()));
  }

  private later(work: () => void) {
    clearTimeout(this.timer);
    this.timer = setTimeout(work, this.pauseMs);
    this.timer.unref();
    this.pauseMs = Math.min(LONGEST_PAUSE_MS, this.pauseMs * 2);
  }

  /** Reads and delivers every change after the last one delivered; one read at a time, run again if asked meanwhile. */
  private read() {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void (async () => {
      try {
        do {
          this.readAgain = false;
          await this.readAll();
        } while (this.readAgain && !this.closed);
      } catch {
        // The database did not answer: read again later (a reconnect reads too).
        this.later(() => this.read());
      } finally {
        this.reading = false;
      }
    })();
  }

  private async readAll() {
    for (;;) {
      const { rows } = await this.store.db.execute<ChangeRow>(
        sql`select id as "revisionId", entity_type as "entityType", entity_id as "entityId", version, operation
          from revisions where id > ${this.lastSeen} order by id limit ${READ_BATCH}`,
      );
      for (const change of rows) {
        this.lastSeen = change.revisionId;
        this.deliver(change);
      }
      if (rows.length < READ_BATCH || this.closed) return;
    }
  }

  private deliver(change: CommittedChange) {
    for (const watcher of this.watchers) {
      try {
        watcher(change);
      } catch {
        // One watcher's failure must not cost the others their change.
      }
    }
  }
}

const inRecovery = async (client: pg.Client) =>
  (await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows[0]!.standby;
