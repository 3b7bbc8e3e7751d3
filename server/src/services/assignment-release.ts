import { TRIAGE_FINAL_STATUSES } from '@vroegsignaal/shared/triage';
import type { Role } from '@vroegsignaal/shared/api/auth';
import { insertAuditEntries } from '../repositories/audit-repository.ts';
import { insertTriageEvent, openTriagesAssignedTo, updateTriage } from '../repositories/triage-repository.ts';
import type { Executor } from '../repositories/types.ts';

export interface Actor {
  username: string;
  role: Role;
}

export const RELEASE_REASONS = {
  wijk: 'Toewijzing vervallen: wijkteamlid werkt niet meer in deze wijk',
  deactivated: 'Toewijzing vervallen: account van het wijkteamlid gedeactiveerd',
} as const;

/**
 * Unassigns a user's open cases in the wijken they no longer cover (all of them when
 * `keptWijken` is empty), so no case stays "toegewezen" to someone who cannot see it.
 * Each is recorded in the triage history and audited; runs inside the caller's transaction.
 */
export async function releaseAssignments(
  trx: Executor,
  at: string,
  actor: Actor,
  username: string,
  keptWijken: readonly string[],
  reason: keyof typeof RELEASE_REASONS,
): Promise<number> {
  const lost = (await openTriagesAssignedTo(trx, username, TRIAGE_FINAL_STATUSES)).filter((t) => !keptWijken.includes(t.wijk));
  const note = RELEASE_REASONS[reason];
  const released: number[] = [];
  for (const t of lost) {
    if (!(await updateTriage(trx, t.id, t.status, { assigned_to: null, updated_at: at }))) continue;
    released.push(t.id);
    await insertTriageEvent(trx, {
      triage_id: t.id,
      at,
      by_user: actor.username,
      by_role: actor.role,
      kind: 'assignment',
      from_status: null,
      to_status: null,
      assigned_to: null,
      outcome: null,
      note,
    });
  }
  if (released.length > 0) {
    await insertAuditEntries(
      trx,
      released.map((id) => ({
        at,
        event: 'triage_unassigned',
        username: actor.username,
        role: actor.role,
        object_type: 'triage',
        object_id: String(id),
        detail: `${note} (was toegewezen aan ${username})`,
        outcome: 'success' as const,
        ip: null,
        session_hash: null,
        user_agent: null,
      })),
    );
  }
  return released.length;
}
