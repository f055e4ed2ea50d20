// A synthetic database for benchmarks: events with participants, a sector and a citation each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { closeStore, openStore, type Store } from '@bilateral/store';

const SECTORS = ['defence', 'energy', 'trade', 'diplomacy'];

/** Fills a fresh database with `count` events, each with two participants, a sector and a citation. */
export function syntheticStore(count: number): Store {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'bilateral-bench-')), 'bench.db'));
  const db = store.$client;
  db.exec(`insert into sources (slug, file, title, genre) values ('bench-source', 'bench.txt', 'Benchmark source', 'news');
           insert into actors (slug, name, name_folded, kind) values ('pakistan', 'Pakistan', 'pakistan', 'state'), ('russia', 'Russia', 'russia', 'state');`);
  const event = db.prepare(
    `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest) values (?, ?, ?, 'meeting', ?, ?, ?)`,
  );
  const participant = db.prepare(
    `insert into event_participants (event_id, actor_id, role, position) values (?, ?, ?, ?)`,
  );
  const sector = db.prepare(`insert into event_sectors (event_id, sector) values (?, ?)`);
  const citation = db.prepare(`insert into citations (source_id, paragraph, event_id, position) values (1, ?, ?, 0)`);
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const year = 1950 + (index % 75);
      const { lastInsertRowid } = event.run(
        `${year}-bench-${index}`,
        `Synthetic meeting number ${index}`,
        `A generated meeting, "quoted", with commas, and a line\nbreak, number ${index}.`,
        String(year),
        `${year}-01-01`,
        `${year}-12-31`,
      );
      const id = Number(lastInsertRowid);
      participant.run(id, 1, 'host', 0);
      participant.run(id, 2, 'visitor', 1);
      sector.run(id, SECTORS[index % SECTORS.length]);
      citation.run(1 + (index % 40), id);
    }
  })();
  return store;
}

/** Closes a synthetic store and deletes its temporary directory. */
export function removeSyntheticStore(store: Store): void {
  const path = store.$client.name;
  closeStore(store);
  rmSync(dirname(path), { recursive: true, force: true });
}
