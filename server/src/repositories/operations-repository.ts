import type { Executor } from './types.ts';

// Ingest runs and quarantine as the beheerder sees them: never the raw rows.

export async function pageIngestRuns(db: Executor, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('ingest_runs')
      .select([
        'id',
        'kind',
        'file_name',
        'source_name',
        'started_by',
        'started_at',
        'duration_ms',
        'status',
        'error',
        'read_rows',
        'stored',
        'updated',
        'unchanged',
        'quarantined',
        'unlinked',
      ])
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('ingest_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export interface QuarantineFilter {
  ingestRunId?: number;
  /** A configured source: the rows of its deliveries (the row's own `source` column may say anything). */
  sourceName?: string;
}

export async function pageQuarantine(db: Executor, filter: QuarantineFilter, limit: number, offset: number) {
  let q = db.selectFrom('quarantine');
  if (filter.ingestRunId !== undefined) q = q.where('ingest_run_id', '=', filter.ingestRunId);
  if (filter.sourceName !== undefined) q = q.where('ingest_run_id', 'in', runsOf(db, filter.sourceName));
  const [items, total] = await Promise.all([
    q.select(['id', 'ingest_run_id', 'kind', 'source', 'row_number', 'reasons', 'created_at']).orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

const runsOf = (db: Executor, sourceName: string) => db.selectFrom('ingest_runs').select('id').where('source_name', '=', sourceName);

/** Rows in quarantine per configured source. */
export async function quarantinedPerSource(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('quarantine')
    .innerJoin('ingest_runs', 'ingest_runs.id', 'quarantine.ingest_run_id')
    .where('ingest_runs.source_name', 'is not', null)
    .select((eb) => ['ingest_runs.source_name', eb.fn.countAll<number>().as('n')])
    .groupBy('ingest_runs.source_name')
    .execute();
  return new Map(rows.map((r) => [r.source_name!, Number(r.n)]));
}
