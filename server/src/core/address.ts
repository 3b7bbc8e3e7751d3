import type { Checked } from './bsn.ts';

const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const HUISNUMMER = /^[0-9]+$/;
const TOEVOEGING = /^[A-Za-z0-9]*$/;

export function checkPostcode(raw: string): Checked<string> {
  if (!POSTCODE.test(raw)) return { ok: false, reason: 'postcode moet eruitzien als 1234AB of 1234 AB' };
  return { ok: true, value: raw.replace(' ', '').toUpperCase() };
}

export function checkHuisnummer(raw: string): Checked<number> {
  if (!HUISNUMMER.test(raw)) return { ok: false, reason: 'huisnummer moet een geheel getal zijn' };
  const n = Number(raw);
  if (n < 1 || n > 99_999) return { ok: false, reason: 'huisnummer moet tussen 1 en 99999 liggen' };
  return { ok: true, value: n };
}

/** Huisletter and huisnummertoevoeging together; spaces inside are dropped. */
export function checkToevoeging(raw: string): Checked<string> {
  // Stryker disable next-line Regex: removing runs of spaces or each space alike
  const compact = raw.replace(/\s+/g, '');
  if (!TOEVOEGING.test(compact)) return { ok: false, reason: 'toevoeging mag alleen letters en cijfers bevatten' };
  return { ok: true, value: compact.toUpperCase() };
}

export function addressKey(postcode: string, huisnummer: number, toevoeging: string): string {
  return `${postcode}-${huisnummer}-${toevoeging}`;
}

export function parseAddressKey(key: string): { postcode: string; huisnummer: number; toevoeging: string } {
  const [postcode = '', huisnummer = '0', toevoeging = ''] = key.split('-');
  return { postcode, huisnummer: Number(huisnummer), toevoeging };
}
