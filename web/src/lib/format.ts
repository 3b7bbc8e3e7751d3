// Dutch formatting of dates, numbers and the domain's codes.

import { DOMAIN_LABELS, INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import { TRIAGE_STATUS_LABELS } from '@vroegsignaal/shared/api/triage';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const shortDateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** `YYYY-MM-DD` days are calendar days: parse them at noon UTC so no time zone shifts the day. */
function toDate(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

export const formatDate = (value: string | null | undefined): string => (value ? dateFormat.format(toDate(value)) : '—');
export const formatShortDate = (value: string | null | undefined): string => (value ? shortDateFormat.format(toDate(value)) : '—');
export const formatDateTime = (value: string | null | undefined): string => (value ? dateTimeFormat.format(toDate(value)) : '—');
export const formatNumber = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : numberFormat.format(value));

const indicatorLabels = new Map<string, string>(INDICATOR_CATALOGUE.map((e) => [e.indicator, e.label]));
const indicatorMeaning = new Map<string, string>(INDICATOR_CATALOGUE.map((e) => [e.indicator, e.valueMeaning]));

export const indicatorLabel = (code: string): string => indicatorLabels.get(code) ?? code;
export const indicatorValueMeaning = (code: string): string => indicatorMeaning.get(code) ?? '';
export const domainLabel = (code: string): string => (DOMAIN_LABELS as Record<string, string>)[code] ?? code;

export const triageLabel = (status: string): string => (TRIAGE_STATUS_LABELS as Record<string, string>)[status] ?? status;

/** A suppressed aggregate: a number, or the string "<5" the server sends for small cells. */
export type Count = number | string;

export const formatCount = (value: Count | null | undefined): string =>
  value === null || value === undefined ? '—' : typeof value === 'number' ? numberFormat.format(value) : value;

/** For charts: suppressed cells are drawn as 0 and labelled "<5" in the tooltip. */
export const countValue = (value: Count | null | undefined): number => (typeof value === 'number' ? value : 0);

/** `1234AB-12-A` (the address key) → `1234AB 12-A`. */
export function formatAddressKey(key: string): string {
  const [postcode = key, huisnummer = '', toevoeging = ''] = key.split('-');
  return `${postcode} ${huisnummer}${toevoeging ? `-${toevoeging}` : ''}`.trim();
}

/** The leefgebieden (domains) of a set of indicators, in catalogue order. */
export function domainsOf(indicators: readonly string[]): string[] {
  const wanted = new Set(indicators.map((i) => domainOfIndicator.get(i)).filter((d): d is string => d !== undefined));
  return DOMAIN_ORDER.filter((d) => wanted.has(d));
}

const domainOfIndicator = new Map<string, string>(INDICATOR_CATALOGUE.map((e) => [e.indicator, e.domain]));
const DOMAIN_ORDER = Object.keys(DOMAIN_LABELS);
