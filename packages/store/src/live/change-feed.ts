/**
 * Committed writes as the store announces them to `watchChanges`: what the API turns into
 * `eventChanged` deliveries. On PostgreSQL the database itself carries them to every process
 * (`postgres/change-listener.ts`); on SQLite they are announced in the process that wrote them,
 * after the commit, and passed to sibling processes through a `ChangeRelay` (the cluster primary's
 * IPC channel), since one SQLite file has no channel of its own.
 */
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';

/** One committed change of one record: the revision it wrote. */
export interface CommittedChange {
  /** The revision's ID: its place in commit order, the `cursor` the change feed (`changesSince`) continues after. */
  revisionId: number;
  entityType: EntityType;
  entityId: number;
  version: number;
  operation: RevisionOperation;
}

/** Called with each committed change, in commit order, once each. */
export type ChangeWatcher = (change: CommittedChange) => void;

/** How a store's changes reach sibling processes that share its database file, and theirs reach it. */
export interface ChangeRelay {
  send(changes: readonly CommittedChange[]): void;
  onRemote(listener: (changes: readonly CommittedChange[]) => void): void;
}

/**
 * The feed of a store whose writes are announced by the process that makes them: `announce` after
 * each commit delivers to this process's watchers and, through the relay, to the siblings'.
 */
export class AnnouncedChanges {
  private readonly watchers = new Set<ChangeWatcher>();

  constructor(private readonly relay?: ChangeRelay) {
    relay?.onRemote((changes) => this.deliver(changes));
  }

  announce(changes: readonly CommittedChange[]): void {
    if (!changes.length) return;
    this.deliver(changes);
    this.relay?.send(changes);
  }

  watch(watcher: ChangeWatcher): () => void {
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  private deliver(changes: readonly CommittedChange[]) {
    for (const change of changes) for (const watcher of this.watchers) watcher(change);
  }
}
