import crypto from 'node:crypto';
import type { Role } from '@vroegsignaal/shared/api/auth';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { OidcConfig, OidcGrant } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { findOidcIdentity, insertOidcIdentity, touchOidcIdentity } from '../repositories/oidc-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { findUserById, findUserByUsername, insertUser, updateUser } from '../repositories/user-repository.ts';
import { releaseAssignments } from './assignment-release.ts';
import { toAuthenticatedUser } from './auth.ts';

// Who signs in through the provider: their role and wijken come from the provider's claim
// at every sign-in (the claim mapping in the configuration), so a change of group changes
// the role at the next sign-in. The user is found by issuer + subject, never by name.

export type GrantResult = { ok: true; grant: OidcGrant } | { ok: false; reason: 'unmapped' | 'ambiguous' };

/** The claim's values: a list of strings, one string, or nothing; a dotted name reaches into objects (`realm_access.roles`). */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = name in claims ? claims[name] : undefined;
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The grant of the mapped claim values: one role (wijken joined), or a refusal when none or several roles map. */
export function grantFor(claims: Record<string, unknown>, settings: Pick<OidcConfig, 'claim' | 'roleMap'>): GrantResult {
  const grants = claimValues(claims, settings.claim)
    .filter((v) => Object.hasOwn(settings.roleMap, v))
    .map((v) => settings.roleMap[v]!);
  if (grants.length === 0) return { ok: false, reason: 'unmapped' };
  const roles = new Set(grants.map((g) => g.role));
  if (roles.size > 1) return { ok: false, reason: 'ambiguous' };
  const wijken = [...new Set(grants.flatMap((g) => g.wijken))].sort();
  return { ok: true, grant: { role: grants[0]!.role, wijken } };
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** The name to create a new user with (preferred_username, else e-mail, else name, else subject). */
  suggestedName: string;
}

export function identityOf(issuer: string, claims: Record<string, unknown>): OidcIdentity {
  const text = (key: string) => (typeof claims[key] === 'string' && (claims[key] as string).trim() ? (claims[key] as string).trim() : null);
  const email = text('email');
  return {
    issuer,
    subject: String(claims.sub),
    email: email && email.length <= 320 ? email : null,
    suggestedName: text('preferred_username') ?? email ?? text('name') ?? String(claims.sub),
  };
}

export type SignInResult = { ok: true; user: AuthenticatedUser; created: boolean; roleBefore: Role | null } | { ok: false; reason: 'inactive' };

/** Creates or updates the identity's user with the grant. One retry when a concurrent first sign-in of the same identity won. */
export async function signInOidcUser(db: Db, clock: Clock, identity: OidcIdentity, grant: OidcGrant): Promise<SignInResult> {
  const placeholder = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => upsert(trx, clock.now().toISOString(), identity, grant, placeholder));
    } catch (e) {
      if (attempt > 0 || !isUniqueViolation(e)) throw e;
    }
  }
}

async function upsert(trx: Executor, at: string, identity: OidcIdentity, grant: OidcGrant, placeholder: string): Promise<SignInResult> {
  const known = await findOidcIdentity(trx, identity.issuer, identity.subject);
  if (!known) {
    const id = await createUser(trx, at, identity, grant, placeholder);
    const user = toAuthenticatedUser((await findUserById(trx, id))!);
    return { ok: true, user, created: true, roleBefore: null };
  }
  const user = (await findUserById(trx, known.user_id))!;
  if (user.active !== 1) return { ok: false, reason: 'inactive' };
  await touchOidcIdentity(trx, known.id, identity.email, at);
  const wijken = JSON.stringify(grant.wijken);
  // The provider's e-mail claim is where notifications go; without one the beheerder's address stays.
  if (identity.email !== null && identity.email !== user.email) await updateUser(trx, user.id, { email: identity.email, updated_at: at });
  if (user.role !== grant.role || user.wijken !== wijken) {
    await updateUser(trx, user.id, { role: grant.role, wijken, updated_at: at });
    await releaseAssignments(trx, at, { username: user.username, role: grant.role }, user.username, grant.wijken, 'wijk');
  }
  return { ok: true, user: toAuthenticatedUser({ ...user, role: grant.role, wijken }), created: false, roleBefore: user.role as Role };
}

/**
 * A new user named after the identity; the name gets a suffix from the identity when a local
 * account (or another identity) has it. The password is a random one nobody knows.
 */
async function createUser(trx: Executor, at: string, identity: OidcIdentity, grant: OidcGrant, placeholder: string): Promise<number> {
  const base = identity.suggestedName.slice(0, 64);
  const suffix = crypto.createHash('sha256').update(`${identity.issuer}\n${identity.subject}`).digest('hex').slice(0, 8);
  const username = (await nameTaken(trx, base)) ? `${base.slice(0, 55)}-${suffix}` : base;
  const id = await insertUser(trx, {
    username,
    role: grant.role,
    password_hash: placeholder,
    wijken: JSON.stringify(grant.wijken),
    active: 1,
    email: identity.email,
    created_at: at,
    updated_at: at,
  });
  if (id === null) throw Object.assign(new Error('user name taken concurrently'), { code: '23505' });
  if (!(await insertOidcIdentity(trx, { issuer: identity.issuer, subject: identity.subject, user_id: id, email: identity.email, at }))) {
    throw Object.assign(new Error('identity created concurrently'), { code: '23505' });
  }
  return id;
}

async function nameTaken(trx: Executor, username: string): Promise<boolean> {
  return (await findUserByUsername(trx, username)) !== undefined;
}
