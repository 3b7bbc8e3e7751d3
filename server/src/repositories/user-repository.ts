import type { Insertable, Selectable, Updateable } from 'kysely';
import type { UserTable } from '../db/schema-access.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Executor } from './types.ts';

export type UserRow = Selectable<UserTable>;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** The new user's id, or null when the name is taken (also by a request that won a race). */
export async function insertUser(db: Executor, values: Insertable<UserTable>): Promise<number | null> {
  try {
    const { id } = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}

export async function updateUser(db: Executor, id: number, values: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export async function activeUsersWithRole(db: Executor, role: UserRow['role']): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('role', '=', role).where('active', '=', 1).orderBy('username').execute();
}

/**
 * The active beheerders other than `exceptId`. On PostgreSQL all active beheerder rows are
 * locked until the transaction ends, so two concurrent demotions see each other's outcome
 * (SQLite runs write transactions one at a time already).
 */
export async function otherActiveBeheerders(trx: Executor, exceptId: number, lock: boolean): Promise<number> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'beheerder')
    .where('active', '=', 1)
    .orderBy('id')
    .$if(lock, (q) => q.forUpdate())
    .execute();
  return rows.filter((r) => r.id !== exceptId).length;
}
