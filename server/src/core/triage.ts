import type { TriageStatus } from '@vroegsignaal/shared/api/triage';

// The triage state machine: nieuw → in_behandeling → besproken_in_zorgnetwerk →
// doorverwezen | geen_actie_nodig | afgesloten. A referral can still be closed later;
// geen_actie_nodig and afgesloten are final.

const NEXT: Record<TriageStatus, readonly TriageStatus[]> = {
  nieuw: ['in_behandeling'],
  in_behandeling: ['besproken_in_zorgnetwerk'],
  besproken_in_zorgnetwerk: ['doorverwezen', 'geen_actie_nodig', 'afgesloten'],
  doorverwezen: ['afgesloten'],
  geen_actie_nodig: [],
  afgesloten: [],
};

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function nextStatuses(from: TriageStatus): readonly TriageStatus[] {
  return NEXT[from];
}

export function checkTransition(from: TriageStatus, to: TriageStatus): TransitionCheck {
  if (NEXT[from].includes(to)) return { ok: true };
  const allowed = NEXT[from].length ? NEXT[from].join(', ') : 'geen (eindstatus)';
  return {
    ok: false,
    message:
      `Ongeldige statuswijziging: van '${from}' naar '${to}' kan niet; toegestaan vanuit '${from}': ${allowed}. ` +
      `(Invalid transition from '${from}' to '${to}'.)`,
  };
}

export function isFinal(status: TriageStatus): boolean {
  return NEXT[status].length === 0;
}
