import type { Checked } from './bsn.ts';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a non-negative number. With `decimalComma` (a `;`-delimited file) one
 * comma is read as the decimal point; thousands separators are never accepted.
 */
export function checkValue(raw: string, decimalComma: boolean): Checked<number> {
  const text = decimalComma ? raw.replace(',', '.') : raw;
  if (!PLAIN_NUMBER.test(text)) return { ok: false, reason: 'value moet een getal zijn (zonder scheidingsteken voor duizendtallen)' };
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, reason: 'value moet een eindig getal zijn' };
  if (n < 0) return { ok: false, reason: 'value moet 0 of meer zijn' };
  return { ok: true, value: n };
}
