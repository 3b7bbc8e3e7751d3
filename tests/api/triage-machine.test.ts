import { describe, expect, it } from 'vitest';
import { TRIAGE_STATUSES } from '../../shared/src/api/triage.ts';
import { checkTransition, isFinal, nextStatuses } from '../../server/src/core/triage.ts';

describe('triage state machine', () => {
  it('walks the happy path', () => {
    expect(checkTransition('nieuw', 'in_behandeling').ok).toBe(true);
    expect(checkTransition('in_behandeling', 'besproken_in_zorgnetwerk').ok).toBe(true);
    for (const end of ['doorverwezen', 'geen_actie_nodig', 'afgesloten'] as const) {
      expect(checkTransition('besproken_in_zorgnetwerk', end).ok).toBe(true);
    }
    expect(checkTransition('doorverwezen', 'afgesloten').ok).toBe(true);
  });

  it('refuses skips, steps back and moves out of a final status, with a clear message', () => {
    const skip = checkTransition('nieuw', 'afgesloten');
    expect(skip.ok).toBe(false);
    if (!skip.ok) expect(skip.message).toMatch(/Ongeldige statuswijziging.*nieuw.*afgesloten.*in_behandeling/);
    expect(checkTransition('besproken_in_zorgnetwerk', 'in_behandeling').ok).toBe(false);
    expect(checkTransition('afgesloten', 'nieuw').ok).toBe(false);
    expect(checkTransition('nieuw', 'nieuw').ok).toBe(false);
  });

  it('agrees with nextStatuses for every pair', () => {
    for (const from of TRIAGE_STATUSES) {
      for (const to of TRIAGE_STATUSES) expect(checkTransition(from, to).ok).toBe(nextStatuses(from).includes(to));
      expect(isFinal(from)).toBe(nextStatuses(from).length === 0);
    }
  });
});
