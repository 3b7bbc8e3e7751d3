import { sql } from 'kysely';
import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Database, RegistryStagingTable } from '../db/schema.ts';
import { isPostgres } from '../db/connection.ts';
import type { Executor } from './types.ts';
import { chunk } from './types.ts';

export async function clearStaging(db: Executor): Promise<void> {
  await db.deleteFrom('registry_staging').execute();
}

export async function insertStaging(db: Executor, rows: Insertable<RegistryStagingTable>[]): Promise<void> {
  for (const part of chunk(rows, 1000)) await db.insertInto('registry_staging').values(part).execute();
}

const duplicateHashes = (db: Executor) =>
  db
    .selectFrom('registry_staging')
    .select('bsn_hash')
    .groupBy('bsn_hash')
    .having((eb) => eb.fn.countAll(), '>', 1);

/** Staged rows whose bsn occurs more than once in the file, valid or not: all are rejected. */
export async function stagedDuplicates(db: Executor) {
  return db.selectFrom('registry_staging').select(['row_number', 'raw', 'valid']).where('bsn_hash', 'in', duplicateHashes(db)).orderBy('row_number').execute();
}

/** Replaces persons and households with the staged snapshot; returns their counts. */
export async function replaceRegistry(db: Executor): Promise<{ persons: number; households: number }> {
  await db.deleteFrom('persons').execute();
  await db
    .insertInto('persons')
    .columns(['bsn_hash', 'birth_date', 'address_key', 'wijk'])
    .expression(
      db
        .selectFrom('registry_staging')
        .select(['bsn_hash', sql<string>`birth_date`.as('birth_date'), sql<string>`address_key`.as('address_key'), sql<string>`wijk`.as('wijk')])
        .where('valid', '=', 1)
        .where('bsn_hash', 'not in', duplicateHashes(db)),
    )
    .execute();
  await db.deleteFrom('households').execute();
  await insertHouseholds(db);
  const persons = await countRows(db, 'persons');
  const households = await countRows(db, 'households');
  return { persons, households };
}

/**
 * A household's wijk is the one most of its persons have; a tie goes to the
 * first name in UTF-8 byte order (SQLite's BINARY collation, PostgreSQL's "C").
 */
async function insertHouseholds(db: Executor): Promise<void> {
  const byteOrder = isPostgres(db) ? sql`wijk collate "C"` : sql`wijk`;
  await db
    .with('wijk_counts', (qb) =>
      qb
        .selectFrom('persons')
        .select(['address_key', 'wijk', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['address_key', 'wijk']),
    )
    .with('tops', (qb) =>
      qb
        .selectFrom('wijk_counts')
        .select(['address_key', (eb) => eb.fn.max('n').as('top'), (eb) => eb.fn.sum<number>('n').as('total')])
        .groupBy('address_key'),
    )
    .insertInto('households')
    .columns(['address_key', 'wijk', 'persons'])
    .expression((eb) =>
      eb
        .selectFrom('wijk_counts as c')
        .innerJoin('tops as t', (j) => j.onRef('t.address_key', '=', 'c.address_key').onRef('t.top', '=', 'c.n'))
        .select(['c.address_key', sql<string>`min(${byteOrder})`.as('wijk'), 't.total'])
        .groupBy(['c.address_key', 't.total']),
    )
    .execute();
}

/** Whether any registry was imported before: persons, or residences kept from earlier imports. */
export async function registryKnown(db: Executor): Promise<boolean> {
  const person = await db.selectFrom('persons').select('bsn_hash').limit(1).executeTakeFirst();
  if (person) return true;
  return (await db.selectFrom('residences').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Brings residences in line with the persons just imported, in set statements: an open
 * residence whose person is gone or lives elsewhere now ends at `importAt` (the import's
 * start instant); one that the previous import (`previousAt`) ended is open again when its
 * person is back at that address, since one delivery without them is no move to count (the
 * family keeps its case and its history); a person still without an open residence at their
 * address gets one from `since` (that instant, or null for the first registry the system sees).
 */
export async function updateResidences(db: Executor, importAt: string, since: string | null, previousAt: string | null): Promise<void> {
  await db
    .updateTable('residences')
    .set({ until: importAt })
    .where('until', 'is', null)
    .where((eb) => eb.not(livesThere(eb)))
    .execute();
  if (previousAt !== null) await reopenResidences(db, previousAt);
  await db
    .insertInto('residences')
    .columns(['bsn_hash', 'address_key', 'since'])
    .expression((eb) =>
      eb
        .selectFrom('persons as p')
        .select(['p.bsn_hash', 'p.address_key', sql<string | null>`cast(${since} as text)`.as('since')])
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('residences as r')
                .select('r.id')
                .whereRef('r.bsn_hash', '=', 'p.bsn_hash')
                .whereRef('r.address_key', '=', 'p.address_key')
                .where('r.until', 'is', null),
            ),
          ),
        ),
    )
    .execute();
}

/** Opens again the residences ended at `endedAt` whose person lives at that address again (see updateResidences). */
async function reopenResidences(db: Executor, endedAt: string): Promise<void> {
  await db.updateTable('residences').set({ until: null }).where('until', '=', endedAt).where(livesThere).execute();
}

/** Whether the residence's person lives at its address in the registry just imported. */
function livesThere(eb: ExpressionBuilder<Database, 'residences'>) {
  return eb.exists(
    eb
      .selectFrom('persons')
      .select('persons.bsn_hash')
      .whereRef('persons.bsn_hash', '=', 'residences.bsn_hash')
      .whereRef('persons.address_key', '=', 'residences.address_key'),
  );
}

/** The start instant of the last registry import that succeeded before run `runId`, if any. */
export async function previousRegistryImportAt(db: Executor, runId: number): Promise<string | null> {
  const row = await db
    .selectFrom('ingest_runs')
    .select('started_at')
    .where('kind', '=', 'registry')
    .where('status', '=', 'ok')
    .where('id', '<', runId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.started_at ?? null;
}

/** Points every stored signal at its household under the current registry. */
export async function relinkSignals(db: Executor): Promise<void> {
  await db
    .updateTable('signals')
    .set((eb) => ({
      household_key: eb.selectFrom('persons').select('persons.address_key').whereRef('persons.bsn_hash', '=', 'signals.bsn_hash'),
    }))
    .where('bsn_hash', 'is not', null)
    .where((eb) =>
      eb('household_key', 'is distinct from', eb.selectFrom('persons').select('persons.address_key').whereRef('persons.bsn_hash', '=', 'signals.bsn_hash')),
    )
    .execute();
  const known = (eb: ExpressionBuilder<Database, 'signals'>) =>
    eb.exists(eb.selectFrom('households').select('households.address_key').whereRef('households.address_key', '=', 'signals.address_key'));
  await db
    .updateTable('signals')
    .set({ household_key: null })
    .where('bsn_hash', 'is', null)
    .where('household_key', 'is not', null)
    .where((eb) => eb.not(known(eb)))
    .execute();
  await db
    .updateTable('signals')
    .set((eb) => ({ household_key: eb.ref('address_key') }))
    .where('bsn_hash', 'is', null)
    .where('household_key', 'is', null)
    .where(known)
    .execute();
}

export async function countRows(db: Executor, table: 'persons' | 'households' | 'signals'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The start of each open residence at an address (null: since before the first registry). */
export async function residenceStartsAt(db: Executor, key: string): Promise<(string | null)[]> {
  const rows = await db.selectFrom('residences').select('since').where('address_key', '=', key).where('until', 'is', null).execute();
  return rows.map((r) => r.since);
}
