import { stringify } from 'csv-stringify/sync';
import { FLAGS_EXPORT_HEADER } from '@vroegsignaal/shared';
import { DASHBOARD_EXPORT_HEADER } from '@vroegsignaal/shared/api/flags';
import { formatScore } from '../core/score.ts';
import type { Db } from '../db/connection.ts';
import { flagsForExport, latestRunId, runExists } from '../repositories/flag-repository.ts';

export class UnknownRun extends Error {
  override name = 'UnknownRun';
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The contract's flag export (section 5): one row per flagged household, by address key in byte order. */
export async function exportFlagsCsv(db: Db, runId?: number): Promise<string> {
  return (await exportFlags(db, runId)).csv;
}

/** The contract's export with the run it is of (the newest without `runId`) and its number of rows. */
export async function exportFlags(db: Db, runId?: number): Promise<{ runId: number; rows: number; csv: string }> {
  const id = await resolveRun(db, runId);
  const rows = await exportRows(db, id);
  return { runId: id, rows: rows.length, csv: toCsv(FLAGS_EXPORT_HEADER, rows, false) };
}

/**
 * The dashboard's export, to be opened in a spreadsheet: the contract's columns, then weeks on
 * the list, triage status and assignee, for the flags under the list's filter, by address key.
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) is prefixed with a single quote and quoted, as OWASP recommends against CSV injection.
 * `mpg flags export` stays the contract's bytes.
 */
export function dashboardExportCsv(flags: readonly DashboardExportRow[]): string {
  const rows = [...flags]
    .sort((a, b) => byteOrder(a.household_key, b.household_key))
    .map((r) => [
      r.household_key,
      r.wijk,
      formatScore(Number(r.score_micro)),
      String(r.domains),
      r.indicators ?? '',
      String(r.weeks_on_list),
      r.status ?? 'nieuw',
      r.assigned_to ?? '',
      r.first_contact_due ?? '',
    ]);
  return toCsv(DASHBOARD_EXPORT_HEADER, rows, true);
}

export interface DashboardExportRow {
  household_key: string;
  wijk: string;
  score_micro: number | string | bigint;
  domains: number;
  indicators: string | null;
  weeks_on_list: number;
  status: string | null;
  assigned_to: string | null;
  first_contact_due: string | null;
}

async function resolveRun(db: Db, runId?: number): Promise<number> {
  const id = runId ?? (await latestRunId(db));
  if (id === undefined) throw new UnknownRun('er is nog geen scoringsrun; draai eerst `score --as-of DATUM`');
  if (!(await runExists(db, id))) throw new UnknownRun(`scoringsrun ${id} bestaat niet`);
  return id;
}

async function exportRows(db: Db, id: number): Promise<string[][]> {
  const rows = (await flagsForExport(db, id)).sort((a, b) => byteOrder(a.household_key, b.household_key));
  return rows.map((r) => [r.household_key, r.wijk, formatScore(Number(r.score_micro)), String(r.domains), r.indicators]);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP's CSV-injection defence for one cell. */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function toCsv(headerLine: string, rows: string[][], forSpreadsheet: boolean): string {
  const header = `${headerLine}\n`;
  if (rows.length === 0) return header;
  if (!forSpreadsheet) return header + stringify(rows, { record_delimiter: '\n' });
  const safe = rows.map((row) => row.map(spreadsheetSafe));
  return header + stringify(safe, { record_delimiter: '\n', quoted_match: /^'[=+\-@\t\r]/ });
}
