import { stringify } from 'csv-stringify/sync';
import { FLAGS_EXPORT_HEADER } from '@vroegsignaal/shared';
import { formatScore } from '../core/score.ts';
import type { Db } from '../db/connection.ts';
import { flagsForExport, latestRunId, runExists } from '../repositories/flag-repository.ts';

export class UnknownRun extends Error {
  override name = 'UnknownRun';
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The contract's flag export (section 5): one row per flagged household, by address key in byte order. */
export async function exportFlagsCsv(db: Db, runId?: number): Promise<string> {
  const id = runId ?? (await latestRunId(db));
  if (id === undefined) throw new UnknownRun('there is no scoring run yet; run `score --as-of DATE` first');
  if (!(await runExists(db, id))) throw new UnknownRun(`scoring run ${id} does not exist`);
  const rows = (await flagsForExport(db, id)).sort((a, b) => byteOrder(a.household_key, b.household_key));
  const header = `${FLAGS_EXPORT_HEADER}\n`;
  if (rows.length === 0) return header;
  return header + stringify(rows.map((r) => [r.household_key, r.wijk, formatScore(Number(r.score_micro)), r.domains, r.indicators]), { record_delimiter: '\n' });
}
