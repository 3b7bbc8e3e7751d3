import type { Selectable } from 'kysely';
import type { OidcIdentityTable } from '../db/schema-access.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Executor } from './types.ts';

export type OidcIdentityRow = Selectable<OidcIdentityTable>;

export async function findOidcIdentity(db: Executor, issuer: string, subject: string): Promise<OidcIdentityRow | undefined> {
  return db.selectFrom('oidc_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

/** False when the identity exists already (a concurrent first sign-in won). */
export async function insertOidcIdentity(
  db: Executor,
  values: { issuer: string; subject: string; user_id: number; email: string | null; at: string },
): Promise<boolean> {
  try {
    await db
      .insertInto('oidc_identities')
      .values({ issuer: values.issuer, subject: values.subject, user_id: values.user_id, email: values.email, created_at: values.at, last_login_at: values.at })
      .execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** The users that sign in through the organisation's provider (an identity is linked to them). */
export async function usersWithOidcIdentity(db: Executor, userId?: number): Promise<Set<number>> {
  let q = db.selectFrom('oidc_identities').select('user_id');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return new Set((await q.execute()).map((r) => r.user_id));
}

export async function touchOidcIdentity(db: Executor, id: number, email: string | null, at: string): Promise<void> {
  await db.updateTable('oidc_identities').set({ email, last_login_at: at }).where('id', '=', id).execute();
}

/** Marks a session as begun through the provider, with its session id and ID token. */
export async function setSessionOidc(db: Executor, sessionId: string, sid: string | null, idToken: string): Promise<void> {
  await db.updateTable('sessions').set({ oidc_sid: sid, oidc_id_token: idToken }).where('id', '=', sessionId).execute();
}

export async function sessionIdToken(db: Executor, sessionId: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('oidc_id_token').where('id', '=', sessionId).executeTakeFirst();
  return row?.oidc_id_token ?? null;
}

/**
 * Ends the provider-begun sessions of one identity: those of the provider session `sid`
 * when given, else all of the subject's. Returns how many ended.
 */
export async function deleteOidcSessions(db: Executor, userId: number | null, sid: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('oidc_id_token', 'is not', null);
  if (sid !== null) query = query.where('oidc_sid', '=', sid);
  if (userId !== null) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
