import { tempFile } from '../../helpers/engine.ts';

export const FEED_HEADER = ['source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn', 'postcode', 'huisnummer', 'toevoeging'];
export const REGISTRY_HEADER = ['bsn', 'birth_date', 'postcode', 'huisnummer', 'toevoeging', 'wijk'];

export type Row = Record<string, string | number | null | undefined>;

/** A CSV file of these rows (fields quoted only when they need it). */
export function csvText(header: string[], rows: Row[], delimiter: ',' | ';' = ','): string {
  const quote = (v: string) => (/[",;\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (values: string[]) => values.map(quote).join(delimiter);
  return `${[line(header), ...rows.map((r) => line(header.map((h) => String(r[h] ?? ''))))].join('\n')}\n`;
}

export function csvFile(header: string[], rows: Row[], delimiter: ',' | ';' = ','): string {
  return tempFile('file.csv', csvText(header, rows, delimiter));
}

export function feedFile(rows: Row[], delimiter: ',' | ';' = ','): string {
  return csvFile(FEED_HEADER, rows, delimiter);
}

export function registryFile(rows: Row[], delimiter: ',' | ';' = ','): string {
  return csvFile(REGISTRY_HEADER, rows, delimiter);
}

export function jsonFile(rows: unknown[]): string {
  return tempFile('file.json', JSON.stringify(rows));
}

export function ndjsonFile(rows: unknown[]): string {
  return tempFile('file.ndjson', `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}
