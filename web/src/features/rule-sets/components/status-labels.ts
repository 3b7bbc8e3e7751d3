import type { RuleSetSummary } from '@vroegsignaal/shared/api/rule-sets';

export function ruleSetStatusLabel(r: Pick<RuleSetSummary, 'status' | 'active'>): string {
  if (r.active) return 'In gebruik';
  if (r.status === 'draft') return 'Concept';
  if (r.status === 'pending_approval') return 'Wacht op goedkeuring';
  return 'Gepubliceerd (niet meer in gebruik)';
}
