import { sql, type Insertable } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { AuditLogTable } from '../db/schema-access.ts';
import type { Executor } from './types.ts';

// Append-only: there is deliberately no update here, and the one deletion is the retention job's.

export interface AuditFilter {
  username?: string;
  event?: string;
  object_type?: string;
  object_id?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  /** Exclusive upper bound (ISO). */
  toExclusive?: string;
}

export async function searchAudit(db: Executor, f: AuditFilter, limit: number, offset: number) {
  let q = db.selectFrom('audit_log');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.event) q = q.where('event', '=', f.event);
  if (f.object_type) q = q.where('object_type', '=', f.object_type);
  if (f.object_id) q = q.where('object_id', '=', f.object_id);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.toExclusive) q = q.where('at', '<', f.toExclusive);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertAuditEntries(db: Executor, entries: Insertable<AuditLogTable>[]): Promise<void> {
  if (entries.length) await db.insertInto('audit_log').values(entries).execute();
}

// The retention job's path, the only deletion the database accepts (migration 0500).

/** Raises the floor below which the database refuses to delete entries (it never lowers); returns the floor. */
export async function raiseAuditRetentionFloor(db: Executor, days: number): Promise<number> {
  await db.updateTable('audit_retention').set({ days }).where('id', '=', 1).where('days', '<', days).execute();
  const row = await db.selectFrom('audit_retention').select('days').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.days);
}

/** The database's own clock, which the delete guard measures against. */
export async function databaseNow(db: Executor): Promise<Date> {
  const query = isPostgres(db) ? sql<{ now: Date | string }>`select now() as now` : sql<{ now: string }>`select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as now`;
  const { rows } = await query.execute(db);
  return new Date(rows[0]!.now);
}

/** Deletes audit entries written before `beforeIso`; returns how many. */
export async function deleteAuditEntriesBefore(db: Executor, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Audit entries per role, event and outcome in [from, toExclusive) (ISO instants), for the DPIA fact sheet. */
export async function auditCountsByRole(db: Executor, from: string, toExclusive: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select((eb) => ['role', 'event', 'outcome', eb.fn.countAll<number>().as('n')])
    .where('at', '>=', from)
    .where('at', '<', toExclusive)
    .groupBy(['role', 'event', 'outcome'])
    .orderBy('role')
    .orderBy('event')
    .orderBy('outcome')
    .execute();
  return rows.map((r) => ({ role: r.role, event: r.event, outcome: r.outcome, n: Number(r.n) }));
}
