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
}

export function field(row: RawRow, name: string): string {
  return row.fields[name] ?? '';
}

/** The row as stored in quarantine: the BSN is masked, never kept. */
export function maskedRaw(row: RawRow): Record<string, string> {
  const out: Record<string, string> = { ...row.fields };
  if (out.bsn) out.bsn = '*********';
  return out;
}
