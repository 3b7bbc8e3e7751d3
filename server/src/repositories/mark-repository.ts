import { sql, type Insertable } from 'kysely';
import type { HouseholdExclusionTable, SignalMarkTable } from '../db/schema-access.ts';
import { exclusionIdsAt } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// Signals marked incorrect (AVG art. 16) and households excluded from scoring
// (art. 18/21). A mark names (source, record_id) only: it outlives re-deliveries.

export const markKey = (s: { source: string; record_id: string }) => `${s.source}\u0000${s.record_id}`;

/** The active marks of the given signals, by markKey. */
export async function activeMarksOf(db: Executor, signals: { source: string; record_id: string }[]) {
  const ids = [...new Set(signals.map((s) => s.record_id))];
  if (!ids.length) return new Map<string, { reason: string; marked_at: string; marked_role: string }>();
  const rows = await db
    .selectFrom('signal_marks')
    .select(['source', 'record_id', 'reason', 'marked_at', 'marked_role'])
    .where('lifted_at', 'is', null)
    .where('record_id', 'in', ids)
    .orderBy('id', 'desc')
    .execute();
  // A signal may carry a mark per role: the oldest is shown, from which on it no longer counted.
  return new Map(rows.map((r) => [markKey(r), r]));
}

/** Inserts a mark unless the signal already has an active one of the same role (then null; the unique index decides). */
export async function insertMark(db: Executor, values: Insertable<SignalMarkTable>): Promise<number | null> {
  const row = await db
    .insertInto('signal_marks')
    .values(values)
    .onConflict((oc) => oc.columns(['source', 'record_id', 'marked_role']).where('lifted_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The mark in force that `role` made on a signal, if any. */
export async function findActiveMark(db: Executor, source: string, recordId: string, role: string) {
  return db
    .selectFrom('signal_marks')
    .selectAll()
    .where('source', '=', source)
    .where('record_id', '=', recordId)
    .where('marked_role', '=', role)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
}

/** The newest marks; with `madeByRole`, only those made by that role. */
export async function listMarks(db: Executor, madeByRole?: string) {
  let q = db.selectFrom('signal_marks').selectAll();
  if (madeByRole) q = q.where('marked_role', '=', madeByRole);
  return q.orderBy('id', 'desc').limit(500).execute();
}

/** Lifts a mark still in force; with `madeByRole`, only one made by that role. */
export async function liftMark(db: Executor, id: number, by: string, at: string, madeByRole?: string): Promise<boolean> {
  let q = db.updateTable('signal_marks').set({ lifted_at: at, lifted_by: by }).where('id', '=', id).where('lifted_at', 'is', null);
  if (madeByRole) q = q.where('marked_role', '=', madeByRole);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Stores an exclusion made through request `requestId` with the persons it is for: the keyed
 * bsn hashes (nothing else) of `persons`, or (null) of everyone living in its household now.
 * Call it inside the transaction that checked for an overlap.
 */
export async function insertExclusion(db: Executor, requestId: number, persons: string[] | null, values: Insertable<HouseholdExclusionTable>): Promise<number> {
  const { id } = await db.insertInto('household_exclusions').values(values).returning('id').executeTakeFirstOrThrow();
  let living = db
    .selectFrom('persons')
    .select([sql.lit(id).as('exclusion_id'), 'bsn_hash'])
    .where('address_key', '=', values.household_key);
  if (persons !== null) living = living.where('bsn_hash', 'in', persons.length ? persons : ['']);
  await db.insertInto('household_exclusion_persons').columns(['exclusion_id', 'bsn_hash']).expression(living).execute();
  await db.insertInto('access_request_exclusions').values({ exclusion_id: id, request_id: requestId }).execute();
  return id;
}

/**
 * The first exclusion, not lifted, of a person now living in the household whose period
 * overlaps [from, to] (the one that would already apply to it). With
 * `lock` (PostgreSQL) the household's row is locked until the transaction ends, so two
 * concurrent exclusions of one household see each other (SQLite writes one at a time).
 */
export async function overlappingExclusion(db: Executor, householdKey: string, from: string, to: string, lock: boolean) {
  if (lock) await db.selectFrom('households').select('address_key').where('address_key', '=', householdKey).forUpdate().execute();
  return db
    .selectFrom('household_exclusions')
    .select(['id', 'from_date', 'to_date'])
    .where('id', 'in', exclusionIdsAt(householdKey))
    .where('lifted_at', 'is', null)
    .where('from_date', '<=', to)
    .where('to_date', '>=', from)
    .orderBy('from_date')
    .executeTakeFirst();
}

/**
 * The exclusions a request may list and lift: those made through it (a lifted one has forgotten
 * its persons), and for a request by BSN (`byPerson`) those of its persons. A request by address
 * does not see its residents' own ones: a newcomer could otherwise read an earlier objection.
 */
export async function exclusionsOfRequest(db: Executor, requestId: number, byPerson: boolean) {
  const persons = db
    .selectFrom('access_request_residences as ar')
    .innerJoin('residences as r', 'r.id', 'ar.residence_id')
    .select('r.bsn_hash')
    .where('ar.request_id', '=', requestId);
  return db
    .selectFrom('household_exclusions')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(byPerson ? [eb('id', 'in', eb.selectFrom('household_exclusion_persons').select('exclusion_id').where('bsn_hash', 'in', persons))] : []),
        eb('id', 'in', eb.selectFrom('access_request_exclusions').select('exclusion_id').where('request_id', '=', requestId)),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Lifts an exclusion and forgets its persons: it never applies again (retention catches a crash between). */
export async function liftExclusion(db: Executor, id: number, by: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('household_exclusions')
    .set({ lifted_at: at, lifted_by: by })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await db.deleteFrom('household_exclusion_persons').where('exclusion_id', '=', id).execute();
  return true;
}

/** Every source that delivered a signal, by code. */
export async function signalSourceCodes(db: Executor): Promise<string[]> {
  return (await db.selectFrom('signals').select('source').distinct().orderBy('source').execute()).map((r) => r.source);
}

export async function signalExists(db: Executor, source: string, recordId: string): Promise<boolean> {
  const row = await db.selectFrom('signals').select('id').where('source', '=', source).where('record_id', '=', recordId).limit(1).executeTakeFirst();
  return row !== undefined;
}
