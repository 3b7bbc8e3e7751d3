// Minimal CSV writing (RFC 4180 quoting) with `,` or `;` and optional decimal comma.

export interface CsvFormat {
  delimiter: ',' | ';';
  decimalComma: boolean;
  quoteAll: boolean;
  eol: '\n' | '\r\n';
}

export const PLAIN_CSV: CsvFormat = { delimiter: ',', decimalComma: false, quoteAll: false, eol: '\n' };

export function csvField(text: string, fmt: CsvFormat): string {
  const needsQuotes = fmt.quoteAll || text.includes(fmt.delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[], fmt: CsvFormat): string {
  return fields.map((f) => csvField(f, fmt)).join(fmt.delimiter) + fmt.eol;
}

/** A number without thousands separators, at most 2 decimals, with a decimal comma if asked. */
export function formatNumber(n: number, decimalComma: boolean): string {
  const text = String(Math.round(n * 100) / 100);
  return decimalComma ? text.replace('.', ',') : text;
}
