import type { CreateUserBody, UpdateUserBody, UserItem } from '@vroegsignaal/shared/api/admin';
import { hashPassword, randomPassword } from '../auth/passwords.ts';
import type { Clock } from '../core/clock.ts';
import { isPostgres, type Db } from '../db/connection.ts';
import { knownWijken } from '../repositories/household-repository.ts';
import { usersWithOidcIdentity } from '../repositories/oidc-repository.ts';
import { clearSecondFactor } from '../repositories/second-factor-repository.ts';
import { deleteUserSessions } from '../repositories/session-repository.ts';
import { findUserById, findUserByUsername, insertUser, listUsers, otherActiveBeheerders, updateUser, type UserRow } from '../repositories/user-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { releaseAssignments, type Actor } from './assignment-release.ts';
import { ApiError } from './errors.ts';

export function toUserItem(u: UserRow, linked = false): UserItem {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    wijken: JSON.parse(u.wijken) as string[],
    active: u.active === 1,
    created_at: u.created_at,
    email: u.email ?? null,
    second_factor: u.totp_secret !== null,
    reset_pending: u.must_change_password === 1,
    last_login_at: u.last_login_at,
    sign_in: linked ? 'organisatie' : 'lokaal',
  };
}

export async function userById(db: Executor, id: number): Promise<UserItem | null> {
  const u = await findUserById(db, id);
  return u ? toUserItem(u, (await usersWithOidcIdentity(db, id)).has(id)) : null;
}

export async function allUsers(db: Db): Promise<UserItem[]> {
  const linked = await usersWithOidcIdentity(db);
  return (await listUsers(db)).map((u) => toUserItem(u, linked.has(u.id)));
}

const PROVIDER_ACCOUNT = 'dit account meldt zich aan via de identiteitsprovider van de organisatie: het wachtwoord wordt daar beheerd, niet hier';

/**
 * The wijken a user of `role` works in: a wijkteam member in one or more wijken of the
 * registry, any other role in none (a wijk given for them is refused, not dropped).
 */
async function checkedWijken(db: Executor, role: string, wijken: string[]): Promise<string[]> {
  const unique = [...new Set(wijken.map((w) => w.trim()))];
  if (role !== 'wijkteam') {
    if (unique.length > 0) throw ApiError.badRequest('body.wijken', `alleen een lid van een wijkteam heeft wijken, een ${role} niet`);
    return [];
  }
  if (unique.length === 0) throw ApiError.badRequest('body.wijken', 'een lid van een wijkteam werkt in ten minste één wijk');
  const known = await knownWijken(db, unique);
  const unknown = unique.filter((w) => !known.has(w));
  if (unknown.length > 0)
    throw ApiError.badRequest(
      'body.wijken',
      `onbekende wijk${unknown.length > 1 ? 'en' : ''} ${unknown.map((w) => `'${w}'`).join(', ')}: geen huishouden in de basisregistratie ligt daar`,
    );
  return unique;
}

/** A new account with a generated one-time password that must be changed at the first sign-in. */
export async function createUser(db: Db, clock: Clock, body: CreateUserBody): Promise<{ user: UserItem; password: string }> {
  const password = randomPassword();
  const taken = () => ApiError.conflict(`gebruiker '${body.username}' bestaat al`);
  if (await findUserByUsername(db, body.username)) throw taken();
  const wijken = await checkedWijken(db, body.role, body.wijken ?? []);
  const at = clock.now().toISOString();
  const id = await insertUser(db, {
    username: body.username,
    role: body.role,
    password_hash: await hashPassword(password),
    wijken: JSON.stringify(wijken),
    active: 1,
    created_at: at,
    updated_at: at,
    must_change_password: 1,
  });
  if (id === null) throw taken();
  return { user: toUserItem((await findUserById(db, id))!), password };
}

const OWN_ROLE = 'u kunt uw eigen rol niet wijzigen: laat dat een andere beheerder doen';

/** What a change did, for the audit log: role and wijken before and after, and the other fields changed. */
export function describeUserChange(before: UserItem, after: UserItem, fields: string[]): string {
  const list = (w: string[]) => (w.length ? w.join(', ') : '–');
  const parts = [`rol: ${before.role} → ${after.role}`, `wijken: ${list(before.wijken)} → ${list(after.wijken)}`];
  if (before.active !== after.active) parts.push(`actief: ${before.active ? 'ja' : 'nee'} → ${after.active ? 'ja' : 'nee'}`);
  const other = fields.filter((f) => f !== 'role' && f !== 'wijken' && f !== 'active');
  if (other.length) parts.push(`gewijzigd: ${other.join(', ')}`);
  return parts.join('; ');
}

/**
 * A new one-time password, and the second factor removed: at the next sign-in the user
 * must choose a new password and enrol a new second factor. Their sessions end now.
 */
export async function resetUser(db: Db, clock: Clock, id: number): Promise<{ user: UserItem; password: string }> {
  const password = randomPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, id))) throw ApiError.notFound('gebruiker niet gevonden');
    if ((await usersWithOidcIdentity(trx, id)).has(id)) throw ApiError.conflict(PROVIDER_ACCOUNT);
    await updateUser(trx, id, { password_hash: hash, must_change_password: 1, must_enrol_totp: 1, updated_at: clock.now().toISOString() });
    await clearSecondFactor(trx, id);
    await deleteUserSessions(trx, id);
  });
  return { user: (await userById(db, id))!, password };
}

const LAST_BEHEERDER = 'er moet ten minste één actieve beheerder overblijven: maak eerst een andere gebruiker beheerder';

/**
 * Changes role, wijken, active or e-mail address; any change but the address ends the
 * user's sessions. A change that would leave no active beheerder is refused, checked inside the transaction. Open
 * cases assigned to the user outside the wijken they keep (all, when deactivated) are unassigned.
 */
export async function changeUser(db: Db, clock: Clock, actor: Actor & { id?: number }, id: number, body: UpdateUserBody): Promise<UserItem> {
  const known = await findUserById(db, id);
  if (!known) throw ApiError.notFound('gebruiker niet gevonden');
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw ApiError.notFound('gebruiker niet gevonden');
    const role = body.role ?? user.role;
    const active = body.active === undefined ? user.active : body.active ? 1 : 0;
    const wijken = await wijkenAfter(trx, user, role, body.wijken);
    if (isActiveBeheerder(user) && !isActiveBeheerder({ role, active }) && (await otherActiveBeheerders(trx, id, isPostgres(db))) === 0) {
      throw ApiError.conflict(LAST_BEHEERDER);
    }
    if (actor.id === id && role !== user.role) throw ApiError.forbidden(OWN_ROLE);
    await updateUser(trx, id, {
      role,
      wijken: JSON.stringify(wijken),
      active,
      ...(body.email !== undefined ? { email: body.email } : {}),
      updated_at: clock.now().toISOString(),
    });
    // A new notification address changes nothing the user may do: their sessions stay.
    if (Object.keys(body).some((k) => k !== 'email')) await deleteUserSessions(trx, id);
    await releaseAssignments(trx, clock.now().toISOString(), actor, user.username, active === 1 ? wijken : [], active === 1 ? 'wijk' : 'deactivated');
  });
  return (await userById(db, id))!;
}

const isActiveBeheerder = (u: Pick<UserRow, 'role' | 'active'>) => u.role === 'beheerder' && u.active === 1;

/** Wijken given are checked; kept ones only when the user stays in a wijkteam. */
async function wijkenAfter(db: Executor, user: UserRow, role: string, given: string[] | undefined): Promise<string[]> {
  if (given !== undefined) return checkedWijken(db, role, given);
  const kept = role === 'wijkteam' ? (JSON.parse(user.wijken) as string[]) : [];
  return role === 'wijkteam' && user.role !== 'wijkteam' ? checkedWijken(db, role, kept) : kept;
}
