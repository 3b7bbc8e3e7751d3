import type { Insertable } from 'kysely';
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

/** `partial`: the password was right and a second factor is still to come (neither a failure nor a success). */
export async function insertLoginAttempt(db: Executor, username: string, at: string, success: boolean | 'partial', ip: string | null): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ username, at, success: success === 'partial' ? 2 : success ? 1 : 0, ip })
    .execute();
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
