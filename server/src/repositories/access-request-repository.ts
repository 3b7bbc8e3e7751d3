import type { Insertable, Updateable } from 'kysely';
import type { AccessRequestTable } from '../db/schema-access.ts';
import type { Executor } from './types.ts';
import { chunk } from './types.ts';

// Access requests (AVG art. 15) and what the system holds about one household.

export async function insertAccessRequest(db: Executor, values: Insertable<AccessRequestTable>): Promise<number> {
  const { id } = await db.insertInto('access_requests').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listAccessRequests(db: Executor) {
  return db.selectFrom('access_requests').selectAll().orderBy('status', 'desc').orderBy('deadline').orderBy('id').limit(500).execute();
}

export async function findAccessRequest(db: Executor, id: number) {
  return db.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAccessRequest(db: Executor, id: number, values: Updateable<AccessRequestTable>): Promise<void> {
  await db.updateTable('access_requests').set(values).where('id', '=', id).execute();
}

/** Changes an open request (and, with `unextended`, only one not extended yet); false when another change came first. */
export async function updateOpenAccessRequest(db: Executor, id: number, values: Updateable<AccessRequestTable>, unextended = false): Promise<boolean> {
  let query = db.updateTable('access_requests').set(values).where('id', '=', id).where('status', '=', 'open');
  if (unextended) query = query.where('extension_reason', 'is', null);
  const { numUpdatedRows } = await query.executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** The household a person (by BSN hash) lives in, if the registry knows them. */
export async function householdOfPerson(db: Executor, bsnHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('persons').select('address_key').where('bsn_hash', '=', bsnHash).executeTakeFirst();
  return row?.address_key;
}

/** Whether the registry ever placed a person (by BSN hash) at an address that retention kept. */
export async function hasResidence(db: Executor, bsnHash: string): Promise<boolean> {
  return (await db.selectFrom('residences').select('id').where('bsn_hash', '=', bsnHash).limit(1).executeTakeFirst()) !== undefined;
}

/** Which of these persons (by BSN hash) live at an address now. */
export async function personsLivingAt(db: Executor, key: string, bsnHashes: string[]): Promise<string[]> {
  if (!bsnHashes.length) return [];
  const rows = await db.selectFrom('persons').select('bsn_hash').where('address_key', '=', key).where('bsn_hash', 'in', bsnHashes).execute();
  return rows.map((r) => r.bsn_hash);
}

export async function householdExists(db: Executor, key: string): Promise<boolean> {
  const row = await db.selectFrom('households').select('address_key').where('address_key', '=', key).executeTakeFirst();
  return row !== undefined;
}

/** Whether anything is stored about an address: a signal, a flag or a residence (now or before). */
export async function addressHasData(db: Executor, key: string): Promise<boolean> {
  const [signal, flag, residence] = await Promise.all([
    db
      .selectFrom('signals')
      .select('id')
      .where((eb) => eb.or([eb('address_key', '=', key), eb('household_key', '=', key)]))
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('flags').select('id').where('household_key', '=', key).limit(1).executeTakeFirst(),
    db.selectFrom('residences').select('id').where('address_key', '=', key).limit(1).executeTakeFirst(),
  ]);
  return signal !== undefined || flag !== undefined || residence !== undefined;
}

const SIGNAL_COLUMNS = ['id', 'source', 'record_id', 'indicator', 'observed_on', 'value'] as const;

/** The unlinked signals (no household) of a bsn hash: the partial index signals_unlinked_bsn finds them. */
export async function unlinkedSignalIds(db: Executor, bsnHash: string): Promise<number[]> {
  const rows = await db.selectFrom('signals').select('id').where('bsn_hash', '=', bsnHash).where('household_key', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function insertRequestSignals(db: Executor, requestId: number, signalIds: number[]): Promise<void> {
  for (const part of chunk(signalIds, 1000)) {
    await db
      .insertInto('access_request_signals')
      .values(part.map((signal_id) => ({ request_id: requestId, signal_id })))
      .execute();
  }
}

/**
 * The signals a request without a household found, as the ids named them at registration
 * (a signal id names one version): a version since replaced by a correction is read from
 * signal_versions, so a request never shows content delivered later (perhaps about someone
 * else). Retention deletes both in time.
 */
export async function signalsOfRequest(db: Executor, requestId: number) {
  const ids = db.selectFrom('access_request_signals').select('signal_id').where('request_id', '=', requestId);
  const [current, replaced] = await Promise.all([
    db.selectFrom('signals').select(SIGNAL_COLUMNS).where('id', 'in', ids).execute(),
    db.selectFrom('signal_versions').select(SIGNAL_COLUMNS).where('id', 'in', ids).execute(),
  ]);
  return [...current, ...replaced].sort((a, b) => b.observed_on.localeCompare(a.observed_on) || a.id - b.id);
}

/** The wijken (JSON arrays) of these users, by username: a triage step is named by role and team. */
export async function wijkenOfUsers(db: Executor, usernames: string[]): Promise<Map<string, string>> {
  if (!usernames.length) return new Map();
  const rows = await db.selectFrom('users').select(['username', 'wijken']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.wijken]));
}

export async function withheldOf(db: Executor, requestId: number) {
  return db.selectFrom('access_request_withheld').select(['triage_event_id', 'ground']).where('request_id', '=', requestId).execute();
}

/** Takes a note back into the letter; false when it was not withheld. */
export async function releaseNote(db: Executor, requestId: number, triageEventId: number): Promise<boolean> {
  const r = await db.deleteFrom('access_request_withheld').where('request_id', '=', requestId).where('triage_event_id', '=', triageEventId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function withholdNote(db: Executor, requestId: number, triageEventId: number, ground: string): Promise<void> {
  await db.deleteFrom('access_request_withheld').where('request_id', '=', requestId).where('triage_event_id', '=', triageEventId).execute();
  await db.insertInto('access_request_withheld').values({ request_id: requestId, triage_event_id: triageEventId, ground }).execute();
}
