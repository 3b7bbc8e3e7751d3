import { sql, type Insertable, type Updateable } from 'kysely';
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

export async function householdExists(db: Executor, key: string): Promise<boolean> {
  const row = await db.selectFrom('households').select('address_key').where('address_key', '=', key).executeTakeFirst();
  return row !== undefined;
}

const SIGNAL_COLUMNS = ['id', 'source', 'record_id', 'indicator', 'observed_on', 'value'] as const;

/**
 * The household's signals; with `from`, an address-only signal counts from that date on
 * (earlier ones may be a previous occupant's), a signal with a bsn always (it follows
 * its person, who lives here now).
 */
export async function signalsOfHousehold(db: Executor, key: string, from: string | null = null) {
  let query = db.selectFrom('signals').select(SIGNAL_COLUMNS).where('household_key', '=', key);
  if (from !== null) query = query.where((eb) => eb.or([eb('bsn_hash', 'is not', null), eb('observed_on', '>=', from)]));
  return query.orderBy('observed_on', 'desc').orderBy('id').execute();
}

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

/** The start of a person's open residence at an address (null: since before the first registry); undefined without one. */
export async function residenceSince(db: Executor, bsnHash: string, key: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('residences')
    .select('since')
    .where('bsn_hash', '=', bsnHash)
    .where('address_key', '=', key)
    .where('until', 'is', null)
    .executeTakeFirst();
  return row?.since;
}

/** The household's triage; with `from`, only episodes of runs as of that date or later, and their events from then on. */
export async function triageOfHousehold(db: Executor, key: string, from: string | null = null) {
  let query = db
    .selectFrom('triage')
    .leftJoin('scoring_runs as r', 'r.id', 'triage.episode_run_id')
    .select(['triage.id', 'triage.episode_run_id', 'triage.status', 'triage.outcome', 'triage.created_at'])
    .where('triage.household_key', '=', key);
  if (from !== null) query = query.where('r.as_of', '>=', from);
  const rows = await query.orderBy('triage.id').execute();
  let events = db
    .selectFrom('triage_events')
    .select(['id', 'triage_id', 'at', 'by_user', 'by_role', 'kind', 'from_status', 'to_status', 'outcome', 'note'])
    .where(
      'triage_id',
      'in',
      rows.map((r) => r.id),
    );
  if (from !== null) events = events.where('at', '>=', from);
  return { rows, events: rows.length ? await events.orderBy('id').execute() : [] };
}

/**
 * Audit entries about the household or its flags, with the viewer's team (their wijken as
 * a JSON array) but never their username: the letter names role and team, not the person.
 */
export async function viewsOfHousehold(db: Executor, key: string, flagIds: number[], from: string | null = null) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.username', 'audit_log.username')
    .select(['audit_log.at as at', 'audit_log.role as role', 'audit_log.event as event', 'users.wijken as wijken'])
    .where('outcome', '=', 'success')
    .where((eb) =>
      eb.or([
        eb.and([eb('object_type', '=', 'household'), eb('object_id', '=', key)]),
        ...(flagIds.length ? [eb.and([eb('object_type', '=', 'flag'), eb('object_id', 'in', flagIds.map(String))])] : []),
      ]),
    );
  if (from !== null) query = query.where('audit_log.at', '>=', from);
  return query.orderBy('audit_log.at', 'desc').limit(500).execute();
}

/** Audit object types whose detail lists the address keys shown (`huishoudens`/`adressen`: [...]). */
export const LIST_OBJECT_TYPES = ['run', 'meeting', 'export', 'worklist'] as const;

/**
 * Audit entries of lists (week list, search, CSV export, zorgnetwerk agenda, off-list
 * worklist) that showed the household: their detail holds its address key in quotes.
 * A rare query (one per access request); it scans only these object types' entries.
 */
export async function listViewsOfHousehold(db: Executor, key: string, from: string | null = null) {
  const quoted = `%${JSON.stringify(key).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.username', 'audit_log.username')
    .select(['audit_log.at as at', 'audit_log.role as role', 'audit_log.object_type as object_type', 'users.wijken as wijken'])
    .where('outcome', '=', 'success')
    .where('object_type', 'in', [...LIST_OBJECT_TYPES])
    .where(sql<boolean>`audit_log.detail like ${quoted} escape '\\'`);
  if (from !== null) query = query.where('audit_log.at', '>=', from);
  return query.orderBy('audit_log.at', 'desc').limit(500).execute();
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
