import { addDays } from './dates.ts';

// First-contact deadlines: every episode on the list gets one due date when the household
// enters it (the scoring run), which later runs do not move. Indicators the municipality
// marks urgent (e.g. rent arrears of four months or more: eviction is near) get fewer days.

export interface UrgentIndicator {
  indicator: string;
  /** The signal's value must be at least this (in the contract's unit of the indicator). */
  minValue: number;
  days: number;
}

export interface DeadlinePolicy {
  firstContactDays: number;
  urgent: UrgentIndicator[];
}

export const DEFAULT_FIRST_CONTACT_DAYS = 28;
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = { firstContactDays: DEFAULT_FIRST_CONTACT_DAYS, urgent: [] };

/** The demo city's choice: rent arrears (months) of four or more are urgent, three days. */
export const DEMO_URGENT: UrgentIndicator[] = [{ indicator: 'huurachterstand', minValue: 4, days: 3 }];

const URGENT_ITEM = /^([a-z0-9_]{1,64})>=(\d{1,6}(?:\.\d{1,6})?):(\d{1,4})$/;

/** Parses `indicator>=value:days[,…]`; null when an item does not fit. */
export function parseUrgentIndicators(text: string | undefined): UrgentIndicator[] | null {
  const items = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out: UrgentIndicator[] = [];
  for (const item of items) {
    const m = URGENT_ITEM.exec(item);
    if (!m || Number(m[3]) < 1) return null;
    out.push({ indicator: m[1]!, minValue: Number(m[2]), days: Number(m[3]) });
  }
  return out;
}

/** The shortest deadline among the urgent rules these signal values meet, or null. */
export function urgentDays(policy: DeadlinePolicy, values: { indicator: string; value: number | null }[]): number | null {
  let days: number | null = null;
  for (const rule of policy.urgent) {
    const met = values.some((v) => v.indicator === rule.indicator && v.value !== null && v.value >= rule.minValue);
    if (met && (days === null || rule.days < days)) days = rule.days;
  }
  return days;
}

export function firstContactDue(entered: string, days: number): string {
  return addDays(entered, days);
}
