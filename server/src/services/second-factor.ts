import { open, seal } from '../auth/secret-box.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUrl, totpUri } from '../auth/totp.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { confirmTotp, setPendingTotpSecret, setSessionStage, unusedRecoveryCodes } from '../repositories/second-factor-repository.ts';
import { findUserById, type UserRow } from '../repositories/user-repository.ts';
import { type ActiveSession, renewSession } from './auth.ts';
import { ApiError } from './errors.ts';
import { type CodeFailure, typedCode, spendCode } from './second-factor-code.ts';

// The steps of a local sign-in after the password: the code of the authenticator app
// (or a recovery code), a one-time password to replace, a second factor to enrol. Each
// failed code counts as a failed login in the same throttle as passwords. Completing a
// step gives the session a new token (renewSession).

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

export { MAX_CODE_FAILURES, typedCode } from './second-factor-code.ts';

/** A session after a completed step: its new cookie token (null: the session was full already and keeps its token), and the session as it is now. */
export interface Renewed {
  token: string | null;
  session: ActiveSession;
}

export type CodeCheck = ({ ok: true; stage: Stage; method: 'totp' | 'recovery'; recoveryLeft: number } & Renewed) | CodeFailure;

/** Checks the code of a session in stage `totp` and replaces the session by one in the next stage. */
export async function verifySecondFactor(deps: SecondFactorDeps, session: ActiveSession, code: string, ip: string | null): Promise<CodeCheck> {
  const user = (await findUserById(deps.db, session.user.id))!;
  const used = await spendCode(deps, user, code, ip, true);
  if (!used.ok) return used;
  const stage = stageAfter(user, deps.config.requireTotp, true);
  const renewed = await moveOn(deps, session, stage, true, ip);
  return { ok: true, stage, method: used.method, recoveryLeft: await unusedRecoveryCodes(deps.db, user.id), ...renewed };
}

/** A session in a sign-in step gets a new token for the next stage; a full one stays as it is. */
async function moveOn(deps: SecondFactorDeps, session: ActiveSession, stage: Stage, secondFactor: boolean, ip: string | null): Promise<Renewed> {
  if (session.stage === 'full') {
    await setSessionStage(deps.db, session.id, stage);
    return { token: null, session: { ...session, stage, secondFactor } };
  }
  const renewed = await renewSession(deps.db, deps.clock, session, stage, secondFactor, ip);
  if (!renewed) throw ApiError.conflict('deze stap van het inloggen is al afgerond of verlopen; log opnieuw in');
  return renewed;
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

export type EnrolmentCheck = ({ ok: true; stage: Stage; recoveryCodes: string[] } & Renewed) | { ok: false; reason: 'invalid' | 'none' };

/**
 * Confirms the pending secret with a code from the app; returns the recovery codes, shown
 * once. A wrong code here is no guess at a factor (the secret was just shown to this
 * session), so it is audited but not counted in the login throttle.
 */
export async function confirmEnrolment(deps: SecondFactorDeps, session: ActiveSession, code: string, ip: string | null): Promise<EnrolmentCheck> {
  const user = (await findUserById(deps.db, session.user.id))!;
  if (!user.totp_pending_secret) return { ok: false, reason: 'none' };
  const at = deps.clock.now();
  const step = await checkTotp(open(user.totp_pending_secret, deps.config.bsnKey), typedCode(code), at, null);
  if (step === null) return { ok: false, reason: 'invalid' };
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    await confirmTotp(trx, user.id, user.totp_pending_secret!, step, codes.map(hashRecoveryCode), at.toISOString());
  });
  const stage = stageAfter({ ...user, totp_secret: user.totp_pending_secret, must_enrol_totp: 0 }, deps.config.requireTotp, true);
  const renewed = await moveOn(deps, session, stage, true, ip);
  return { ok: true, stage, recoveryCodes: codes, ...renewed };
}
