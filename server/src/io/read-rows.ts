import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline, Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { FEED_COLUMNS, REGISTRY_COLUMNS } from '@vroegsignaal/shared';
import { UNPARSED_LINE, type RawRow } from '../core/raw-row.ts';
import { FileRejected, sniffFormat, type FileFormat } from './file-format.ts';

export interface RowSource {
  format: FileFormat;
  /** Lower-case column names of a CSV header; null for JSON. */
  columns: string[] | null;
  rows: AsyncGenerator<RawRow>;
  /** SHA-256 of the whole file, known once `rows` is exhausted. */
  checksum(): string;
}

/**
 * Streams the data rows of a contract file. `requiredColumns` is checked against
 * a CSV header before any row is read; a missing column rejects the file.
 */
export async function openRows(file: string, requiredColumns: (columns: string[]) => string | null, options: RowOptions = {}): Promise<RowSource> {
  const rename = renamer(options.rename);
  const format = await sniffFormat(file);
  const hash = crypto.createHash('sha256');
  // Hashing in the pipeline (not a 'data' listener, which would start the flow
  // before a JSON or NDJSON reader is attached and lose the first chunks).
  const stream = pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), hashing(hash), () => {});
  const checksum = () => hash.digest('hex');
  if (format.kind === 'json-array') return { format, columns: null, rows: renamedRows(jsonArrayRows(stream), rename), checksum };
  if (format.kind === 'ndjson') return { format, columns: null, rows: renamedRows(ndjsonRows(stream), rename), checksum };
  const parser = stream.pipe(
    parse({ delimiter: format.delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, ltrim: true, rtrim: true, info: true }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const header = await nextCsv(iterator);
  if (header.done) throw new FileRejected('het bestand is leeg (geen kopregel)');
  const columns = header.value.record.map((h) => rename(h.trim().toLowerCase()));
  const missing = requiredColumns(columns);
  if (missing) {
    stream.destroy();
    throw new FileRejected(missing);
  }
  return { format, columns, rows: csvRows(iterator, columns, format.delimiter === ';'), checksum };
}

export interface RowOptions {
  /** A source's own column names (lower case) → the contract's, for a source that cannot rename them itself. */
  rename?: Readonly<Record<string, string>>;
}

function renamer(map: Readonly<Record<string, string>> | undefined): (name: string) => string {
  if (!map || Object.keys(map).length === 0) return (name) => name;
  const lower = new Map(Object.entries(map).map(([from, to]) => [from.trim().toLowerCase(), to.trim().toLowerCase()]));
  return (name) => lower.get(name) ?? name;
}

async function* renamedRows(rows: AsyncGenerator<RawRow>, rename: (name: string) => string): AsyncGenerator<RawRow> {
  for await (const row of rows) {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(row.fields)) fields[rename(key)] = value;
    yield { ...row, fields };
  }
}

function hashing(hash: crypto.Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

async function nextCsv<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (e) {
    throw new FileRejected(`geen geldig CSV-bestand: ${(e as Error).message}`);
  }
}

async function* csvRows(
  iterator: AsyncIterator<{ record: string[]; info: { lines: number } }>,
  columns: string[],
  decimalComma: boolean,
): AsyncGenerator<RawRow> {
  for (;;) {
    const next = await nextCsv(iterator);
    if (next.done) return;
    const { record, info } = next.value;
    if (record.length === 1 && record[0] === '') continue;
    const fields: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) fields[columns[i]!] = (record[i] ?? '').trim();
    // Missing trailing fields are empty (as a missing JSON field is); extra
    // non-empty fields mean the row is shifted, so it cannot be trusted.
    const extra = record.slice(columns.length).some((v) => v.trim() !== '');
    const shapeErrors = extra ? [`row has ${record.length} fields where the header has ${columns.length}`] : [];
    yield { rowNumber: info.lines, fields, shapeErrors, decimalComma };
  }
}

async function* ndjsonRows(stream: Readable): AsyncGenerator<RawRow> {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield {
        rowNumber: lineNumber,
        fields: { [UNPARSED_LINE]: text.slice(0, 500) },
        shapeErrors: ['regel is geen geldige JSON'],
        decimalComma: false,
        unreadable: true,
      };
      continue;
    }
    yield jsonRow(value, lineNumber);
  }
}

async function* jsonArrayRows(stream: Readable): AsyncGenerator<RawRow> {
  const items = stream.pipe(StreamArray.withParser());
  let position = 0;
  try {
    for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
      position = item.key + 1;
      yield jsonRow(item.value, position);
    }
  } catch (e) {
    throw new FileRejected(`geen geldige JSON-lijst (na element ${position}): ${(e as Error).message}`);
  }
}

const CONTRACT_COLUMNS = new Set<string>([...REGISTRY_COLUMNS, ...FEED_COLUMNS]);

/** A JSON object becomes a row; null or missing is an empty field, a number becomes text. */
export function jsonRow(value: unknown, rowNumber: number): RawRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { rowNumber, fields: {}, shapeErrors: ['element is geen JSON-object'], decimalComma: false, unreadable: true };
  }
  const fields: Record<string, string> = {};
  const shapeErrors: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = key.trim().toLowerCase();
    if (v === null || v === undefined) fields[name] = '';
    else if (typeof v === 'string') fields[name] = v.trim();
    else if (typeof v === 'number') fields[name] = plainDecimal(v);
    else {
      fields[name] = JSON.stringify(v).slice(0, 200);
      if (CONTRACT_COLUMNS.has(name)) shapeErrors.push(`${name} moet tekst of een getal zijn`);
    }
  }
  return { rowNumber, fields, shapeErrors, decimalComma: false };
}

/** A JSON number as plain decimal text, never with an exponent (1e-7 → 0.0000001). */
export function plainDecimal(v: number): string {
  const text = String(v);
  const [mantissa = '', exponent] = text.split('e');
  if (exponent === undefined) return text;
  if (Number.isInteger(v)) return BigInt(v).toString();
  const decimals = (mantissa.split('.')[1]?.length ?? 0) - Number(exponent);
  return v.toFixed(Math.min(100, Math.max(0, decimals)));
}
