import { loginWaitSeconds } from '../auth/login-throttle.ts';
import { open, seal } from '../auth/secret-box.ts';
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUrl, totpUri } from '../auth/totp.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import {
  claimTotpStep,
  confirmTotp,
  consumeRecoveryCode,
  countTotpFailure,
  recordSignIn,
  setPendingTotpSecret,
  setSessionStage,
  unusedRecoveryCodes,
} from '../repositories/second-factor-repository.ts';
import { failureStats, insertLoginAttempt } from '../repositories/session-repository.ts';
import { findUserById, type UserRow } from '../repositories/user-repository.ts';

// The steps of a local sign-in after the password: the code of the authenticator app
// (or a recovery code), a one-time password to replace, a second factor to enrol. Each
// failed code counts as a failed login in the same throttle as passwords.

export type Stage = 'full' | 'totp' | 'password' | 'enrol';

export interface SecondFactorDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'requireTotp' | 'bsnKey'>;
}

/** The next step for a user whose password was right (`codeDone`: the second factor too). */
export function stageAfter(user: Pick<UserRow, 'totp_secret' | 'must_change_password' | 'must_enrol_totp'>, requireTotp: boolean, codeDone: boolean): Stage {
  if (user.totp_secret && !codeDone) return 'totp';
  if (user.must_change_password) return 'password';
  if (!user.totp_secret && (requireTotp || user.must_enrol_totp)) return 'enrol';
  return 'full';
}

/** Wrong codes in a row after which the second factor is locked until a beheerder resets the account. */
export const MAX_CODE_FAILURES = 10;

export type CodeCheck =
  | { ok: true; stage: Stage; method: 'totp' | 'recovery'; recoveryLeft: number }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid' | 'replayed' | 'blocked'; justBlocked?: boolean };

/** What a user types: apps show a code in groups ("718 271"). */
export const typedCode = (code: string) => code.replace(/\s+/g, '');

/** Seconds the account must wait before a code is even checked (the password throttle). */
async function waitSeconds(deps: SecondFactorDeps, username: string): Promise<number> {
  const now = deps.clock.now();
  return loginWaitSeconds(await failureStats(deps.db, username, new Date(now.getTime() - 3600_000).toISOString()), now);
}

/** Checks the code of a session in stage `totp` and moves the session on. */
export async function verifySecondFactor(deps: SecondFactorDeps, sessionId: string, userId: number, code: string, ip: string | null): Promise<CodeCheck> {
  const user = (await findUserById(deps.db, userId))!;
  if (user.totp_failures >= MAX_CODE_FAILURES) return { ok: false, reason: 'blocked' };
  const wait = await waitSeconds(deps, user.username);
  if (wait > 0) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
  const at = deps.clock.now();
  const result = await checkCode(deps, user, typedCode(code), at);
  await insertLoginAttempt(deps.db, user.username, at.toISOString(), result === 'totp' || result === 'recovery', ip);
  // A replayed code was right once: it neither counts as a guess nor ends the row of wrong ones.
  const failures = result === 'replayed' ? user.totp_failures : await countTotpFailure(deps.db, user.id, result === 'invalid');
  if (failures >= MAX_CODE_FAILURES) return { ok: false, reason: 'blocked', justBlocked: true };
  if (result === 'invalid' || result === 'replayed') return { ok: false, reason: result };
  const stage = stageAfter(user, deps.config.requireTotp, true);
  await moveOn(deps, sessionId, user.id, stage);
  return { ok: true, stage, method: result, recoveryLeft: await unusedRecoveryCodes(deps.db, user.id) };
}

async function checkCode(deps: SecondFactorDeps, user: UserRow, code: string, at: Date): Promise<'totp' | 'recovery' | 'invalid' | 'replayed'> {
  if (looksLikeRecoveryCode(code)) {
    return (await consumeRecoveryCode(deps.db, user.id, hashRecoveryCode(code), at.toISOString())) ? 'recovery' : 'invalid';
  }
  const step = await checkTotp(open(user.totp_secret!, deps.config.bsnKey), code, at, null);
  if (step === null) return 'invalid';
  return (await claimTotpStep(deps.db, user.id, step)) ? 'totp' : 'replayed';
}

async function moveOn(deps: SecondFactorDeps, sessionId: string, userId: number, stage: Stage): Promise<void> {
  await setSessionStage(deps.db, sessionId, stage);
  if (stage === 'full') await recordSignIn(deps.db, userId, deps.clock.now().toISOString());
}

export interface Enrolment {
  secret: string;
  otpauth_uri: string;
  qr_code: string;
}

/** A new secret to scan; it becomes the second factor only once a code from it is confirmed. */
export async function startEnrolment(deps: SecondFactorDeps, userId: number): Promise<Enrolment> {
  const user = (await findUserById(deps.db, userId))!;
  const secret = newTotpSecret();
  await setPendingTotpSecret(deps.db, userId, seal(secret, deps.config.bsnKey));
  const uri = totpUri(user.username, secret);
  return { secret, otpauth_uri: uri, qr_code: await qrDataUrl(uri) };
}

export type EnrolmentCheck = { ok: true; stage: Stage; recoveryCodes: string[] } | { ok: false; reason: 'invalid' | 'none' };

/**
 * Confirms the pending secret with a code from the app; returns the recovery codes, shown
 * once. A wrong code here is no guess at a factor (the secret was just shown to this
 * session), so it is audited but not counted in the login throttle.
 */
export async function confirmEnrolment(deps: SecondFactorDeps, sessionId: string, userId: number, code: string): Promise<EnrolmentCheck> {
  const user = (await findUserById(deps.db, userId))!;
  if (!user.totp_pending_secret) return { ok: false, reason: 'none' };
  const at = deps.clock.now();
  const step = await checkTotp(open(user.totp_pending_secret, deps.config.bsnKey), typedCode(code), at, null);
  if (step === null) return { ok: false, reason: 'invalid' };
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    await confirmTotp(trx, user.id, user.totp_pending_secret!, step, codes.map(hashRecoveryCode), at.toISOString());
  });
  const stage = stageAfter({ ...user, totp_secret: user.totp_pending_secret, must_enrol_totp: 0 }, deps.config.requireTotp, true);
  await moveOn(deps, sessionId, user.id, stage);
  return { ok: true, stage, recoveryCodes: codes };
}
