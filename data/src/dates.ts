// Calendar helpers on UTC day numbers (days since 1970-01-01), without Date objects in hot paths.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Civil {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(day: number): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Parses `YYYY-MM-DD` (a real date) into a day number; throws otherwise. */
export function parseDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`geen geldige datum (JJJJ-MM-DD): ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = daysFromCivil(y, m, d);
  const back = civilFromDays(day);
  if (back.y !== y || back.m !== m || back.d !== d) throw new Error(`geen bestaande datum: ${iso}`);
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a day number as `YYYY-MM-DD` (years 1000–9999). */
export function formatDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Formats a day number as `YYYYMMDD` (for ids). */
export function compactDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}${pad2(m)}${pad2(d)}`;
}

/** Today's date (UTC) as `YYYY-MM-DD`; only for CLI defaults, never inside generation. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Birth day of someone who is `ageYears` old on `refDay`: born on the same calendar day
 * `ageYears` years earlier, minus `extraDays` (0..364, clamped). 29 February becomes 28 February.
 */
export function birthDayForAge(refDay: number, ageYears: number, extraDays: number): number {
  const { y, m, d } = civilFromDays(refDay);
  const birthday = daysFromCivil(y - ageYears, m, m === 2 && d === 29 ? 28 : d);
  return birthday - Math.min(Math.max(extraDays, 0), 364);
}

/** Age in whole years on `refDay` of someone born on `birthDay` (29 Feb turns a year older on 1 Mar). */
export function ageOn(birthDay: number, refDay: number): number {
  const b = civilFromDays(birthDay);
  const r = civilFromDays(refDay);
  const beforeBirthday = r.m < b.m || (r.m === b.m && r.d < b.d);
  return r.y - b.y - (beforeBirthday ? 1 : 0);
}
