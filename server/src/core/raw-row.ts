import { FEED_COLUMNS, REGISTRY_COLUMNS } from '@vroegsignaal/shared';
import { checkBsn } from './bsn.ts';

/** One data row as read from a CSV, JSON or NDJSON file, before validation. */
export interface RawRow {
  /** Line number in the file (CSV, NDJSON) or 1-based position in a JSON array. */
  rowNumber: number;
  /** Trimmed field values by lower-case column name; absent or null is ''. */
  fields: Record<string, string>;
  /** Problems with the row's shape (wrong field count, not an object, nested values). */
  shapeErrors: string[];
  /** True when `;` is the delimiter, so a decimal comma is read as a point. */
  decimalComma: boolean;
  /** Not a row at all (a line that is not JSON, an element that is not an object): only its shape errors apply. */
  unreadable?: boolean;
}

/** The field that holds the text of an NDJSON line that is not valid JSON. */
export const UNPARSED_LINE = 'line';

const KEPT = new Set<string>([...REGISTRY_COLUMNS, ...FEED_COLUMNS, UNPARSED_LINE]);
const MASK = '*********';

export function field(row: RawRow, name: string): string {
  return row.fields[name] ?? '';
}

/**
 * The row as stored in quarantine: only the contract's columns (unknown ones
 * are ignored, so a name or nationality column is never taken in), the bsn
 * masked, and any valid BSN elsewhere (a shifted row, a broken JSON line)
 * masked too.
 */
export function maskedRaw(row: RawRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.fields)) {
    if (!KEPT.has(name)) continue;
    out[name] = name === 'bsn' && value !== '' ? MASK : maskBsns(value);
  }
  return out;
}

function maskBsns(text: string): string {
  return text.replace(/(?<!\d)\d{8,9}(?!\d)/g, (digits) => (checkBsn(digits).ok ? MASK : digits));
}
