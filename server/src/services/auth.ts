import crypto from 'node:crypto';
import type { Role } from '@vroegsignaal/shared/api/auth';
import type { AuthenticatedUser, AuthenticationResult, Authenticator, Credentials } from '../auth/authenticator.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import {
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteSessionInStage,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../repositories/session-repository.ts';
import { recordSignIn } from '../repositories/second-factor-repository.ts';
import { findUserByUsername, type UserRow } from '../repositories/user-repository.ts';
import { usersWithOidcIdentity } from '../repositories/oidc-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { claimAttempt, settleAttempt } from './login-attempts.ts';

export const IDLE_TIMEOUT_MS = 15 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600_000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 30_000;

export function toAuthenticatedUser(u: Pick<UserRow, 'username' | 'role' | 'wijken'> & { id: number }): AuthenticatedUser {
  return { id: u.id, username: u.username, role: u.role as Role, wijken: JSON.parse(u.wijken) as string[] };
}

/** Username and password against the users table, with throttling per account. */
export class PasswordAuthenticator implements Authenticator {
  readonly kind = 'password' as const;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async authenticate({ username, password, ip }: Credentials): Promise<AuthenticationResult> {
    const claim = await claimAttempt(this.db, this.clock, username, ip);
    if (!claim.ok) return { ok: false, reason: 'locked', retryAfterSeconds: claim.retryAfterSeconds };
    const user = await findUserByUsername(this.db, username);
    const right = user && user.active === 1 ? await verifyPassword(user.password_hash, password) : await rejectInSameTime(password);
    // An account of the organisation's provider has no password here that anyone may use.
    const provider = user !== undefined && (await usersWithOidcIdentity(this.db, user.id)).has(user.id);
    const valid = right && !provider;
    // A right password with a second factor still to come must not reset the count of failures.
    await settleAttempt(this.db, claim, valid && user?.totp_secret ? 'partial' : valid);
    if (!valid || !user) return { ok: false, reason: provider ? 'provider' : 'invalid' };
    return { ok: true, user: toAuthenticatedUser(user) };
  }
}

export type OwnPasswordCheck = { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * The current password of a signed-in user (to change it), in the same throttle as the
 * sign-in: a stolen session must not become a way to guess the password. A right one is
 * neither a failure nor a success of a sign-in.
 */
export async function checkOwnPassword(
  db: Db,
  clock: Clock,
  user: Pick<UserRow, 'username' | 'password_hash'>,
  password: string,
  ip: string | null,
): Promise<OwnPasswordCheck> {
  const claim = await claimAttempt(db, clock, user.username, ip);
  if (!claim.ok) return { ok: false, reason: 'locked', retryAfterSeconds: claim.retryAfterSeconds };
  const right = await verifyPassword(user.password_hash, password);
  await settleAttempt(db, claim, right ? 'partial' : false);
  return right ? { ok: true } : { ok: false, reason: 'invalid' };
}

async function rejectInSameTime(password: string): Promise<false> {
  await verifyPassword(await dummyHash(), password);
  return false;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: AuthenticatedUser;
  /** `full`, or the sign-in step still to do (services/second-factor.ts). */
  stage: string;
  /** The user has a second factor (TOTP) enrolled. */
  secondFactor: boolean;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

const sessionId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Starts a session; the token goes into the cookie, only its hash into the database. */
export async function startSession(
  db: Executor,
  clock: Clock,
  user: AuthenticatedUser,
  ip: string | null,
  stage = 'full',
  secondFactor = false,
  createdAt = clock.now(),
): Promise<{ token: string; session: ActiveSession }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(32).toString('base64url');
  const now = clock.now();
  await insertSession(db, {
    id: sessionId(token),
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: createdAt.toISOString(),
    last_seen_at: now.toISOString(),
    ip,
    stage,
  });
  if (stage === 'full') await recordSignIn(db, user.id, now.toISOString());
  return { token, session: { id: sessionId(token), csrfToken, user, stage, secondFactor, ...expiries(createdAt, now) } };
}

/**
 * Replaces a session that completed a sign-in step by a new one (new token, new CSRF
 * token): the token an attacker may have planted or seen before the step is dead. The
 * sign-in keeps its start, so the absolute timeout is not extended. Null when the old
 * session is gone or no longer in its step (another request completed it first).
 */
export async function renewSession(
  db: Db,
  clock: Clock,
  old: ActiveSession,
  stage: string,
  secondFactor: boolean,
  ip: string | null,
): Promise<{ token: string; session: ActiveSession } | null> {
  const createdAt = new Date(old.absoluteExpiresAt.getTime() - ABSOLUTE_TIMEOUT_MS);
  return db.transaction().execute(async (trx) => {
    if (!(await deleteSessionInStage(trx, old.id, old.stage))) return null;
    return startSession(trx, clock, old.user, ip, stage, secondFactor, createdAt);
  });
}

function expiries(createdAt: Date, lastSeen: Date) {
  return {
    idleExpiresAt: new Date(lastSeen.getTime() + IDLE_TIMEOUT_MS),
    absoluteExpiresAt: new Date(createdAt.getTime() + ABSOLUTE_TIMEOUT_MS),
  };
}

/** The session of a cookie token if it is still valid; an expired one is ended. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<ActiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const row = await findSessionWithUser(db, sessionId(token));
  if (!row) return null;
  const now = clock.now();
  const created = new Date(row.created_at);
  const lastSeen = new Date(row.last_seen_at);
  const { idleExpiresAt, absoluteExpiresAt } = expiries(created, lastSeen);
  if (now >= idleExpiresAt || now >= absoluteExpiresAt) {
    await deleteSession(db, row.id);
    return null;
  }
  if (now.getTime() - lastSeen.getTime() >= TOUCH_EVERY_MS) await touchSession(db, row.id, now.toISOString());
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    user: toAuthenticatedUser({ id: row.user_id, username: row.username, role: row.role, wijken: row.wijken }),
    stage: row.stage,
    secondFactor: row.totp_secret !== null,
    ...expiries(created, now),
  };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await deleteSession(db, id);
}

/** Removes expired sessions and login attempts older than the throttling needs (a day). */
export async function purgeStale(db: Db, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await deleteExpiredSessions(db, new Date(now - IDLE_TIMEOUT_MS).toISOString(), new Date(now - ABSOLUTE_TIMEOUT_MS).toISOString());
  await deleteLoginAttemptsBefore(db, new Date(now - 86_400_000).toISOString());
}
