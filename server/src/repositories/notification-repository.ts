import type { Insertable, Selectable } from 'kysely';
import type { NotificationKind, NotificationOutboxTable } from '../db/schema-notifications.ts';
import type { UserRow } from './user-repository.ts';
import { DUE } from './deadline-repository.ts';
import { notExcludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// The e-mail outbox and who receives what. Only kinds and counts are stored.

export type OutboxRow = Selectable<NotificationOutboxTable>;
export type NewNotification = Pick<Insertable<NotificationOutboxTable>, 'dedupe_key' | 'kind' | 'user_id' | 'counts' | 'created_at'>;

/** Adds notifications; one whose dedupe key is already there is left out. Returns how many were added. */
export async function enqueueNotifications(db: Executor, rows: NewNotification[]): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const r = await db
      .insertInto('notification_outbox')
      .values({ ...row, status: 'pending', attempts: 0, next_attempt_at: row.created_at })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export function switchedOff(user: Pick<UserRow, 'notifications_off'>): string[] {
  const off: unknown = JSON.parse(user.notifications_off);
  return Array.isArray(off) ? off.filter((k): k is string => typeof k === 'string') : [];
}

/** Active users with an address who have not switched this kind off (`mandatory` ignores that). */
export async function recipients(
  db: Executor,
  kind: NotificationKind,
  filter: { role?: UserRow['role']; usernames?: string[] },
  mandatory = false,
): Promise<UserRow[]> {
  if (filter.usernames?.length === 0) return [];
  let q = db.selectFrom('users').selectAll().where('active', '=', 1).where('email', 'is not', null);
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.usernames) q = q.where('username', 'in', filter.usernames);
  const users = await q.orderBy('id').execute();
  return users.filter((u) => mandatory || !switchedOff(u).includes(kind));
}

/** Pending rows whose time has come and that no worker holds. */
export async function dueNotifications(db: Executor, nowIso: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a row for one worker until `until`; false when another worker has it or it was sent. */
export async function claimNotification(db: Executor, id: number, holder: string, nowIso: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('notification_outbox')
    .set({ claimed_by: holder, claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishNotification(
  db: Executor,
  id: number,
  set: Pick<Partial<OutboxRow>, 'status' | 'attempts' | 'next_attempt_at' | 'sent_at' | 'last_error'>,
): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ ...set, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .execute();
}

/** Open, assigned cases still waiting for first contact, due in [from, to], with the assignee's id. */
export async function waitingAssignedCases(db: Executor, from: string, to: string, today: string) {
  return db
    .selectFrom('triage as t')
    .leftJoin('triage_deadlines as d', (j) => j.onRef('d.household_key', '=', 't.household_key').onRef('d.episode_run_id', '=', 't.episode_run_id'))
    .innerJoin('scoring_runs as er', 'er.id', 't.episode_run_id')
    .innerJoin('users as u', 'u.username', 't.assigned_to')
    .where('t.status', '=', 'nieuw')
    .where((eb) => notExcludedOn(eb.ref('t.household_key'), today, eb.ref('t.created_at')))
    .where(DUE, '>=', from)
    .where(DUE, '<=', to)
    .select(['t.id as triage_id', 'u.id as user_id', 'u.username'])
    .orderBy('t.id')
    .execute();
}

export async function outboxFor(db: Executor, userId: number) {
  return db.selectFrom('notification_outbox').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}
