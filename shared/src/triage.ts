import type { Role } from './api/auth.ts';
import { TRIAGE_STATUS_LABELS, type TriageStatus } from './api/triage.ts';
import { hasVisibleText } from './api/common.ts';

// The one triage transition table: which status may follow which, for which roles,
// and whether a reason is required. The server enforces it, the web offers only what
// it allows, and the README prints it (a test keeps the two equal).

export interface TriageTransition {
  from: TriageStatus;
  to: TriageStatus;
  roles: readonly Role[];
  reasonRequired: boolean;
}

const CARE = ['coordinator', 'wijkteam'] as const satisfies readonly Role[];
const COORDINATOR = ['coordinator'] as const satisfies readonly Role[];

const step = (from: TriageStatus, to: TriageStatus, roles: readonly Role[], reasonRequired = false): TriageTransition => ({ from, to, roles, reasonRequired });

export const TRIAGE_TRANSITIONS: readonly TriageTransition[] = [
  step('nieuw', 'in_behandeling', CARE),
  // Already known to the care network: the coordinator may decide so at once, and says why.
  step('nieuw', 'geen_actie_nodig', COORDINATOR, true),
  step('in_behandeling', 'besproken_in_zorgnetwerk', CARE),
  // Not every case needs the zorgnetwerk meeting.
  step('in_behandeling', 'doorverwezen', CARE),
  step('in_behandeling', 'geen_actie_nodig', CARE, true),
  step('in_behandeling', 'afgesloten', CARE),
  step('besproken_in_zorgnetwerk', 'doorverwezen', CARE),
  step('besproken_in_zorgnetwerk', 'geen_actie_nodig', CARE, true),
  step('besproken_in_zorgnetwerk', 'afgesloten', CARE),
  step('doorverwezen', 'afgesloten', CARE),
  // Reopening a concluded case: the coordinator only, always with a reason.
  step('doorverwezen', 'in_behandeling', COORDINATOR, true),
  step('geen_actie_nodig', 'in_behandeling', COORDINATOR, true),
  step('afgesloten', 'in_behandeling', COORDINATOR, true),
];

/**
 * Where a concluded case goes on its review date ("opnieuw bekijken op"): the system takes
 * the reopening the table above allows, without a role; the history names it.
 */
export const REVIEW_RETURN_STATUS: TriageStatus = 'in_behandeling';

/** Statuses that conclude a case: only a move to one of these (or a case in one) may carry an outcome. */
export const TRIAGE_FINAL_STATUSES: readonly TriageStatus[] = ['doorverwezen', 'geen_actie_nodig', 'afgesloten'];

/** How the case of a family that no longer lives at the address is closed, in order of preference (the second while nobody took it up). */
export const EARLIER_CASE_CLOSING: readonly TriageStatus[] = ['afgesloten', 'geen_actie_nodig'];

export const isFinalStatus = (status: TriageStatus): boolean => TRIAGE_FINAL_STATUSES.includes(status);

/** A move out of a concluded case back into the work. */
export const isReopening = (t: Pick<TriageTransition, 'from' | 'to'>): boolean => isFinalStatus(t.from) && !isFinalStatus(t.to);

export function findTransition(from: TriageStatus, to: TriageStatus): TriageTransition | undefined {
  return TRIAGE_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The transitions a role may take from a status, in table order. */
export function transitionsFor(from: TriageStatus, role: Role): TriageTransition[] {
  return TRIAGE_TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role));
}

export type TransitionRefusal =
  | { kind: 'not_allowed'; message: string }
  | { kind: 'role'; message: string }
  | { kind: 'reason'; message: string }
  | { kind: 'outcome'; message: string };

const q = (s: TriageStatus) => `‘${TRIAGE_STATUS_LABELS[s]}’`;

/** Why a role may not make this move (a plain Dutch sentence), or null when it may. */
export function refuseTransition(from: TriageStatus, to: TriageStatus, role: Role, opts: { reason?: string; outcome?: unknown }): TransitionRefusal | null {
  const t = findTransition(from, to);
  if (!t) {
    const options = TRIAGE_TRANSITIONS.filter((x) => x.from === from).map((x) => q(x.to));
    const allowed = options.length ? `Vanuit ${q(from)} kan de status naar ${options.join(' of ')}.` : '';
    return { kind: 'not_allowed', message: `De status kan niet van ${q(from)} naar ${q(to)}. ${allowed}`.trim() };
  }
  if (!t.roles.includes(role)) {
    const who = t.roles.length === 1 && t.roles[0] === 'coordinator' ? 'een coördinator' : 'een coördinator of wijkteamlid';
    return { kind: 'role', message: `Alleen ${who} kan de status van ${q(from)} naar ${q(to)} zetten.` };
  }
  if (t.reasonRequired && !hasVisibleText(opts.reason)) {
    return { kind: 'reason', message: `Geef een reden op om de status van ${q(from)} naar ${q(to)} te zetten.` };
  }
  if (opts.outcome !== undefined && opts.outcome !== null && !isFinalStatus(to)) {
    return { kind: 'outcome', message: `Een uitkomst hoort bij een afgeronde zaak; ${q(to)} is dat niet.` };
  }
  return null;
}
