import { hashRecoveryCode, newRecoveryCodes } from '../auth/totp.ts';
import { replaceRecoveryCodes } from '../repositories/second-factor-repository.ts';
import { findUserById } from '../repositories/user-repository.ts';
import { type CodeDeps, type CodeFailure, spendCode } from './second-factor-code.ts';

export type RegeneratedCodes = { ok: true; recoveryCodes: string[] } | CodeFailure | { ok: false; reason: 'none' };

/**
 * New recovery codes for a signed-in user who types a code of their authenticator app (a
 * recovery code will not do: whoever holds one of those must not be able to renew them).
 * The code counts in the account's throttle like one at sign-in; the old codes stop working.
 */
export async function regenerateRecoveryCodes(deps: CodeDeps, userId: number, code: string, ip: string | null): Promise<RegeneratedCodes> {
  const user = (await findUserById(deps.db, userId))!;
  if (!user.totp_secret) return { ok: false, reason: 'none' };
  const used = await spendCode(deps, user, code, ip, false);
  if (!used.ok) return used;
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute((trx) => replaceRecoveryCodes(trx, user.id, codes.map(hashRecoveryCode)));
  return { ok: true, recoveryCodes: codes };
}
