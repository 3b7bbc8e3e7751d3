// Calendar dates are `YYYY-MM-DD` strings throughout; arithmetic runs in UTC so
// that daylight saving never shifts a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which maps years 0–99 to 1900–1999
  // Stryker disable next-line ConditionalExpression: a day or month that overflows always changes the month as well
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * The latest birth date of someone who is 18 or older on `asOf`. A string
 * comparison `birth_date <= cutoff` then decides adulthood; the cutoff may be a
 * non-existent date like `2010-02-29`, which still orders correctly, so someone
 * born on 29 February turns 18 on 1 March in a year that is not a leap year.
 */
export function adultCutoff(asOf: string): string {
  const year = Number(asOf.slice(0, 4)) - 18;
  return `${String(year).padStart(4, '0')}${asOf.slice(4)}`;
}

export function isAdultOn(birthDate: string, asOf: string): boolean {
  return birthDate <= adultCutoff(asOf);
}

/** Born on or before `asOf` and younger than 18 then. */
export function isMinorOn(birthDate: string, asOf: string): boolean {
  return birthDate > adultCutoff(asOf) && birthDate <= asOf;
}

/** Today's date in the municipality's time zone. */
export function localDate(now: Date, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date as Dutch readers write it: "5 december 2026". */
export function formatDutchDate(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
