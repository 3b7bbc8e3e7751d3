import { type Insertable, sql } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { SessionTable } from '../db/schema-access.ts';
import type { Executor } from './types.ts';

export async function insertSession(db: Executor, values: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

/** The session with its user, if both exist and the user is active. */
export async function findSessionWithUser(db: Executor, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.stage', 'u.id as user_id', 'u.username', 'u.role', 'u.wijken', 'u.totp_secret'])
    .where('s.id', '=', id)
    .where('u.active', '=', 1)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends a session only while it is still in `stage`: of two requests completing the same step, one wins. */
export async function deleteSessionInStage(db: Executor, id: string, stage: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id', '=', id).where('stage', '=', stage).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions idle since `idleBefore` or created before `createdBefore`. */
export async function deleteExpiredSessions(db: Executor, idleBefore: string, createdBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .execute();
}

export type AttemptOutcome = boolean | 'partial';

const attemptCode = (success: AttemptOutcome) => (success === 'partial' ? 2 : success ? 1 : 0);

/** `partial`: the password was right and a second factor is still to come (neither a failure nor a success). Returns the id. */
export async function insertLoginAttempt(db: Executor, username: string, at: string, success: AttemptOutcome, ip: string | null): Promise<number> {
  const r = await db
    .insertInto('login_attempts')
    .values({ username, at, success: attemptCode(success), ip })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Records how an attempt that was taken as failed (before its check) turned out. */
export async function settleLoginAttempt(db: Executor, id: number, success: AttemptOutcome): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ success: attemptCode(success) })
    .where('id', '=', id)
    .execute();
}

/**
 * Within a transaction, waits until no other transaction is taking an attempt of the same
 * account. PostgreSQL: a transaction-scoped advisory lock on the account name (which need
 * not exist as a user). SQLite: the transaction already began with the write lock
 * (BEGIN IMMEDIATE, db/connection.ts), so nothing else runs meanwhile.
 */
export async function lockAccountAttempts(trx: Executor, username: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login-attempts:${username}`}, 0))`.execute(trx);
}

/** Failed attempts since `since`, and those after the last success (with the newest time). */
export async function failureStats(db: Executor, username: string, since: string) {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('username', '=', username)
    .where('success', '=', 1)
    .where('at', '>=', since)
    .executeTakeFirst();
  const inWindow = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('username', '=', username)
    .where('success', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  const consecutive = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('newest')])
    .where('username', '=', username)
    .where('success', '=', 0)
    .where('at', '>=', lastSuccess?.at ?? since)
    .executeTakeFirstOrThrow();
  return {
    inWindow: Number(inWindow.n),
    oldestInWindow: (inWindow.oldest as string | null) ?? null,
    consecutive: Number(consecutive.n),
    newestFailure: (consecutive.newest as string | null) ?? null,
  };
}

export async function deleteLoginAttemptsBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
