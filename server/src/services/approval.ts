import type { PublicApproval } from '@vroegsignaal/shared/api/publication';
import type { Static } from 'typebox';
import type { RuleSetEventRow, RuleSetRow } from '../repositories/rule-set-repository.ts';

// How a published rule set was approved, told by role from its history (rule_set_events),
// never by a person's name. Only a beleidsmaker can request or approve (the endpoint
// table); only the operator CLI writes a `published` event.

export type Approval = Static<typeof PublicApproval>;

export const ROLE_OF_EVENT = { requested: 'beleidsmaker', approved: 'tweede beleidsmaker', published: 'beheer (CLI)' } as const;

export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** The approval of a published rule set from its events, by role. */
export function approvalOf(rs: RuleSetRow, events: RuleSetEventRow[], timeZone: string): Approval {
  // Newest first.
  const mine = events.filter((e) => e.rule_set_id === rs.id).reverse();
  const approved = mine.find((e) => e.kind === 'approved');
  const at = (iso: string) => formatInstant(iso, timeZone);
  if (approved) {
    const requested = mine.find((e) => e.kind === 'requested' && e.id < approved.id);
    return {
      via: 'vier-ogen',
      requested_at: requested?.at ?? null,
      requested_by_role: requested ? ROLE_OF_EVENT.requested : null,
      approved_at: approved.at,
      approved_by_role: ROLE_OF_EVENT.approved,
      text:
        (requested ? `Publicatie aangevraagd door een beleidsmaker op ${at(requested.at)}; g` : 'G') +
        `oedgekeurd door een tweede beleidsmaker op ${at(approved.at)} (vier-ogenprincipe: wie de regels schreef, bewerkte of de publicatie aanvroeg, kan niet goedkeuren).`,
    };
  }
  const published = mine.find((e) => e.kind === 'published');
  if (published) {
    return {
      via: 'beheer',
      requested_at: null,
      requested_by_role: null,
      approved_at: published.at,
      approved_by_role: ROLE_OF_EVENT.published,
      text: `Geïmporteerd en gepubliceerd via beheer (CLI) op ${at(published.at)}, zonder goedkeuring door een tweede beleidsmaker.`,
    };
  }
  return {
    via: 'onbekend',
    requested_at: null,
    requested_by_role: null,
    approved_at: null,
    approved_by_role: null,
    text: 'Voor deze regelset is geen goedkeuring vastgelegd.',
  };
}
