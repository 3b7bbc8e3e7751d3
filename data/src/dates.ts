// Calendar helpers on UTC day numbers (days since 1970-01-01).

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (a real date) into a day number; throws otherwise. */
export function parseDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`geen geldige datum (JJJJ-MM-DD): ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`geen bestaande datum: ${iso}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Formats a day number as `YYYYMMDD` (for ids). */
export function compactDay(day: number): string {
  return formatDay(day).replace(/-/g, '');
}

/** Today's date (UTC) as `YYYY-MM-DD`; only for CLI defaults, never inside generation. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Birth date such that the person is `ageYears` old on `refDay`, plus `extraDays` (0..364) older. */
export function birthDayForAge(refDay: number, ageYears: number, extraDays: number): number {
  const ref = new Date(refDay * MS_PER_DAY);
  const birthday = Date.UTC(ref.getUTCFullYear() - ageYears, ref.getUTCMonth(), ref.getUTCDate());
  const day = Math.round(birthday / MS_PER_DAY) - Math.min(Math.max(extraDays, 0), 364);
  return day;
}

/** Age in whole years on `refDay` of someone born on `birthDay` (29 Feb turns a year older on 1 Mar). */
export function ageOn(birthDay: number, refDay: number): number {
  const b = new Date(birthDay * MS_PER_DAY);
  const r = new Date(refDay * MS_PER_DAY);
  let age = r.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    r.getUTCMonth() < b.getUTCMonth() || (r.getUTCMonth() === b.getUTCMonth() && r.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
