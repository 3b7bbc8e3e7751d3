import type { Role } from '@vroegsignaal/shared/api/auth';
import { insertAuditEntries } from '../repositories/audit-repository.ts';
import { inactiveUsers } from '../repositories/second-factor-repository.ts';
import type { EngineContext } from './context.ts';
import { changeUser } from './users.ts';

// Access ends when someone stops using it: an account not signed in for `days` days
// (never signed in: since it was made) is deactivated by the nightly job, each audited.
// The job's own record holds counts only, never a name.

export const INACTIVITY_ACTOR = { username: 'nachtelijke taak', role: 'beheerder' as Role };

export interface InactivityResult {
  deactivated: number;
  /** The last beheerder is never deactivated: nobody could manage the installation any more. */
  keptLastBeheerder: number;
}

export async function deactivateInactiveUsers(ctx: EngineContext, days: number): Promise<InactivityResult> {
  const now = ctx.clock.now();
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deactivated = 0;
  let keptLastBeheerder = 0;
  // The most recent sign-in comes last: of the inactive beheerders, that one is kept.
  for (const user of await inactiveUsers(ctx.db, before)) {
    const last = user.neverSignedIn ? `nooit ingelogd (aangemaakt ${user.last.slice(0, 10)})` : `laatst ingelogd ${user.last.slice(0, 10)}`;
    const outcome = await changeUser(ctx.db, ctx.clock, INACTIVITY_ACTOR, user.id, { active: false }).then(
      () => 'success' as const,
      (error: unknown) => (error instanceof Error && 'statusCode' in error && error.statusCode === 409 ? ('failure' as const) : Promise.reject(error)),
    );
    if (outcome === 'success') deactivated++;
    else keptLastBeheerder++;
    await insertAuditEntries(ctx.db, [
      {
        at: ctx.clock.now().toISOString(),
        event: 'user_inactive_deactivated',
        username: INACTIVITY_ACTOR.username,
        role: 'systeem',
        object_type: 'user',
        object_id: user.username,
        detail:
          outcome === 'success' ? `${last}, langer dan ${days} dagen geleden; sessies beëindigd` : `niet gedeactiveerd: laatste actieve beheerder (${last})`,
        outcome,
        ip: null,
        session_hash: null,
        user_agent: null,
      },
    ]);
  }
  return { deactivated, keptLastBeheerder };
}
