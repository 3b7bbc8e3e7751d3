import type { Executor } from './types.ts';

// The second factor of local accounts: TOTP secret and last step, recovery codes, the
// stage of a session's sign-in, and the sign-in dates the inactivity job reads.

export async function setPendingTotpSecret(db: Executor, userId: number, sealed: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: sealed }).where('id', '=', userId).execute();
}

/** Makes the pending secret the user's second factor and replaces the recovery codes. */
export async function confirmTotp(db: Executor, userId: number, sealed: string, step: number, codeHashes: string[], at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: sealed, totp_pending_secret: null, totp_last_step: step, must_enrol_totp: 0, updated_at: at })
    .where('id', '=', userId)
    .execute();
  await replaceRecoveryCodes(db, userId, codeHashes);
}

/** The user's recovery codes are these (hashes) from now on; the earlier ones, used or not, are gone. */
export async function replaceRecoveryCodes(db: Executor, userId: number, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/**
 * Records an accepted step, only if it is newer than the stored one: of two requests with
 * the same code at once, one wins.
 */
export async function claimTotpStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Uses a recovery code once: true when an unused code with this hash existed. */
export async function consumeRecoveryCode(db: Executor, userId: number, codeHash: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const r = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Removes the second factor: after a reset a new one must be enrolled. */
export async function clearSecondFactor(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null, totp_failures: 0 })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Counts a wrong code (returns the count in a row now), or ends the row after a right one. */
export async function countTotpFailure(db: Executor, userId: number, wrong: boolean): Promise<number> {
  const r = await db
    .updateTable('users')
    .set((eb) => ({ totp_failures: wrong ? eb('totp_failures', '+', 1) : eb.val(0) }))
    .where('id', '=', userId)
    .returning('totp_failures')
    .executeTakeFirstOrThrow();
  return Number(r.totp_failures);
}

/** Takes back one counted wrong code (a replayed code was right once); never below zero. */
export async function uncountTotpFailure(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ totp_failures: eb('totp_failures', '-', 1) }))
    .where('id', '=', userId)
    .where('totp_failures', '>', 0)
    .execute();
}

export async function totpFailures(db: Executor, userId: number): Promise<number> {
  const r = await db.selectFrom('users').select('totp_failures').where('id', '=', userId).executeTakeFirstOrThrow();
  return Number(r.totp_failures);
}

export async function setSessionStage(db: Executor, sessionId: string, stage: string): Promise<void> {
  await db.updateTable('sessions').set({ stage }).where('id', '=', sessionId).execute();
}

export async function recordSignIn(db: Executor, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
}

/**
 * Active users whose last sign-in (or, never signed in, creation) is before `before`: the
 * never signed in first, then by last sign-in, so the most recent one comes last.
 */
export async function inactiveUsers(
  db: Executor,
  before: string,
): Promise<{ id: number; username: string; role: string; last: string; neverSignedIn: boolean }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'last_login_at', 'created_at'])
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('last_login_at', '<', before), eb.and([eb('last_login_at', 'is', null), eb('created_at', '<', before)])]))
    .orderBy('id')
    .execute();
  const signedIn = (r: (typeof rows)[number]) => r.last_login_at ?? '';
  return rows
    .sort((a, b) => (signedIn(a) < signedIn(b) ? -1 : signedIn(a) > signedIn(b) ? 1 : a.id - b.id))
    .map((r) => ({ id: r.id, username: r.username, role: r.role, last: r.last_login_at ?? r.created_at, neverSignedIn: r.last_login_at === null }));
}
