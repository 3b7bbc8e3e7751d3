import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../db/schema-access.ts';
import type { Executor } from './types.ts';

// Append-only: there is deliberately no update or delete here.

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
