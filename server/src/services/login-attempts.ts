import { loginWaitSeconds } from '../auth/login-throttle.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { type AttemptOutcome, failureStats, insertLoginAttempt, lockAccountAttempts, settleLoginAttempt } from '../repositories/session-repository.ts';
import type { Executor } from '../repositories/types.ts';

// The throttle of an account (auth/login-throttle.ts) for every check of something only the
// user knows: the password at sign-in, a code of the second factor, the current password
// when changing it. An attempt is taken from the allowance before the check, counted as
// failed, under a lock on the account, and settled once the check is done: of concurrent
// attempts each sees those before it, so no more than the allowance ever reach a check.

export type Claim = { ok: true; attemptId: number } | { ok: false; retryAfterSeconds: number };

/** Runs `fn` in a transaction that holds the account's attempt lock. */
export function underAccountLock<T>(db: Db, username: string, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAccountAttempts(trx, username);
    return fn(trx);
  });
}

/** Within `underAccountLock`: takes one attempt, or says how long the account must wait. */
export async function claimWithinLock(trx: Executor, clock: Clock, username: string, ip: string | null): Promise<Claim> {
  const now = clock.now();
  const wait = loginWaitSeconds(await failureStats(trx, username, new Date(now.getTime() - 3600_000).toISOString()), now);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  return { ok: true, attemptId: await insertLoginAttempt(trx, username, now.toISOString(), false, ip) };
}

/** Takes one attempt of the account's allowance (see above). */
export function claimAttempt(db: Db, clock: Clock, username: string, ip: string | null): Promise<Claim> {
  return underAccountLock(db, username, (trx) => claimWithinLock(trx, clock, username, ip));
}

/** The attempt was right (`true`), or right with a step still to come (`partial`); a wrong one stays as taken. */
export async function settleAttempt(db: Db, claim: { attemptId: number }, outcome: AttemptOutcome): Promise<void> {
  if (outcome !== false) await settleLoginAttempt(db, claim.attemptId, outcome);
}
