import { open } from '../auth/secret-box.ts';
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from '../auth/totp.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { claimTotpStep, consumeRecoveryCode, countTotpFailure, totpFailures, uncountTotpFailure } from '../repositories/second-factor-repository.ts';
import type { UserRow } from '../repositories/user-repository.ts';
import { claimWithinLock, settleAttempt, underAccountLock } from './login-attempts.ts';

// A code of the second factor typed by the user (at sign-in, or to make new recovery
// codes): checked within the account's throttle and the row of wrong codes that locks it.

export interface CodeDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'bsnKey'>;
}

/** Wrong codes in a row after which the second factor is locked until a beheerder resets the account. */
export const MAX_CODE_FAILURES = 10;

/** What a user types: apps show a code in groups ("718 271"). */
export const typedCode = (code: string) => code.replace(/\s+/g, '');

export type CodeFailure =
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid' | 'replayed' | 'blocked'; justBlocked?: boolean };

export type CodeUse = { ok: true; method: 'totp' | 'recovery' } | CodeFailure;

type CodeClaim =
  | { ok: true; attemptId: number; failures: number }
  | { ok: false; reason: 'blocked' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Under the account's lock: refuses a locked second factor, takes an attempt of the
 * password throttle and counts the code as wrong until it is checked, so that concurrent
 * codes each see the ones before them (services/login-attempts.ts).
 */
function claimCode(deps: CodeDeps, user: UserRow, ip: string | null): Promise<CodeClaim> {
  return underAccountLock(deps.db, user.username, async (trx): Promise<CodeClaim> => {
    if ((await totpFailures(trx, user.id)) >= MAX_CODE_FAILURES) return { ok: false, reason: 'blocked' };
    const claim = await claimWithinLock(trx, deps.clock, user.username, ip);
    if (!claim.ok) return { ok: false, reason: 'locked', retryAfterSeconds: claim.retryAfterSeconds };
    return { ok: true, attemptId: claim.attemptId, failures: await countTotpFailure(trx, user.id, true) };
  });
}

/** Checks a code of `user` (a recovery code only where `acceptRecovery`); a right one is used up. */
export async function spendCode(deps: CodeDeps, user: UserRow, code: string, ip: string | null, acceptRecovery: boolean): Promise<CodeUse> {
  const claim = await claimCode(deps, user, ip);
  if (!claim.ok) return claim;
  const typed = typedCode(code);
  const result = !acceptRecovery && looksLikeRecoveryCode(typed) ? 'invalid' : await checkCode(deps, user, typed, deps.clock.now());
  // A replayed code was right once: it neither counts as a guess nor ends the row of wrong ones.
  if (result === 'replayed') await uncountTotpFailure(deps.db, user.id);
  if (result === 'invalid' && claim.failures >= MAX_CODE_FAILURES) return { ok: false, reason: 'blocked', justBlocked: true };
  if (result === 'invalid' || result === 'replayed') return { ok: false, reason: result };
  await settleAttempt(deps.db, claim, true);
  await countTotpFailure(deps.db, user.id, false);
  return { ok: true, method: result };
}

async function checkCode(deps: CodeDeps, user: UserRow, code: string, at: Date): Promise<'totp' | 'recovery' | 'invalid' | 'replayed'> {
  if (looksLikeRecoveryCode(code)) {
    return (await consumeRecoveryCode(deps.db, user.id, hashRecoveryCode(code), at.toISOString())) ? 'recovery' : 'invalid';
  }
  const step = await checkTotp(open(user.totp_secret!, deps.config.bsnKey), code, at, null);
  if (step === null) return 'invalid';
  return (await claimTotpStep(deps.db, user.id, step)) ? 'totp' : 'replayed';
}
