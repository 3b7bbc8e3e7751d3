import type { CreateUserBody, UpdateUserBody, UserItem } from '@vroegsignaal/shared/api/admin';
import { passwordProblem } from '../auth/password-policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { deleteUserSessions } from '../repositories/session-repository.ts';
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser, type UserRow } from '../repositories/user-repository.ts';
import { ApiError } from './errors.ts';

export function toUserItem(u: UserRow): UserItem {
  return { id: u.id, username: u.username, role: u.role, wijken: JSON.parse(u.wijken) as string[], active: u.active === 1, created_at: u.created_at };
}

export async function allUsers(db: Db): Promise<UserItem[]> {
  return (await listUsers(db)).map(toUserItem);
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw ApiError.badRequest('body.password', problem);
}

const wijkenFor = (role: string, wijken: string[] | undefined) => (role === 'wijkteam' ? [...new Set((wijken ?? []).map((w) => w.trim()))] : []);

export async function createUser(db: Db, clock: Clock, body: CreateUserBody): Promise<UserItem> {
  checkPassword(body.password, body.username);
  const taken = () => ApiError.conflict(`gebruiker '${body.username}' bestaat al`);
  if (await findUserByUsername(db, body.username)) throw taken();
  const at = clock.now().toISOString();
  const id = await insertUser(db, {
    username: body.username, role: body.role, password_hash: await hashPassword(body.password),
    wijken: JSON.stringify(wijkenFor(body.role, body.wijken)), active: 1, created_at: at, updated_at: at,
  });
  if (id === null) throw taken();
  return toUserItem((await findUserById(db, id))!);
}

/** Changes role, wijken, active or password; any change ends the user's sessions. */
export async function changeUser(db: Db, clock: Clock, id: number, body: UpdateUserBody): Promise<UserItem> {
  const user = await findUserById(db, id);
  if (!user) throw ApiError.notFound('gebruiker niet gevonden');
  if (body.password !== undefined) checkPassword(body.password, user.username);
  const role = body.role ?? user.role;
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      role,
      wijken: JSON.stringify(wijkenFor(role, body.wijken ?? (JSON.parse(user.wijken) as string[]))),
      active: body.active === undefined ? user.active : body.active ? 1 : 0,
      ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
      updated_at: clock.now().toISOString(),
    });
    await deleteUserSessions(trx, id);
  });
  return toUserItem((await findUserById(db, id))!);
}
