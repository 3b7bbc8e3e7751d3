import type { Role } from '@vroegsignaal/shared/api/auth';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import { isFinalStatus, refuseTransition, transitionsFor, type TransitionRefusal } from '@vroegsignaal/shared/triage';

// The server's view of the shared transition table (shared/src/triage.ts).

export type TransitionCheck = { ok: true } | ({ ok: false } & TransitionRefusal);

/** Statuses a role may move to from `from`. */
export function nextStatuses(from: TriageStatus, role: Role): TriageStatus[] {
  return transitionsFor(from, role).map((t) => t.to);
}

export function checkTransition(from: TriageStatus, to: TriageStatus, role: Role, opts: { reason?: string; outcome?: unknown } = {}): TransitionCheck {
  const refusal = refuseTransition(from, to, role, opts);
  return refusal ? { ok: false, ...refusal } : { ok: true };
}

export const isFinal = isFinalStatus;
