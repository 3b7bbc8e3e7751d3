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

export async function pageQuarantine(db: Executor, ingestRunId: number | undefined, limit: number, offset: number) {
  let q = db.selectFrom('quarantine');
  if (ingestRunId !== undefined) q = q.where('ingest_run_id', '=', ingestRunId);
  const [items, total] = await Promise.all([
    q.select(['id', 'ingest_run_id', 'kind', 'source', 'row_number', 'reasons', 'created_at']).orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
