import type { Insertable, Updateable } from 'kysely';
import type { IngestRunTable } from '../db/schema.ts';
import type { Executor } from './types.ts';

export type IngestRunValues = Insertable<IngestRunTable>;

export async function insertIngestRun(db: Executor, values: IngestRunValues): Promise<number> {
  const row = await db.insertInto('ingest_runs').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIngestRun(db: Executor, id: number, values: Updateable<IngestRunTable>): Promise<void> {
  await db.updateTable('ingest_runs').set(values).where('id', '=', id).execute();
}

export function emptyRun(kind: 'feed' | 'registry', fileName: string, startedBy: string, at: string): IngestRunValues {
  return {
    kind,
    file_name: fileName,
    checksum: '',
    source_name: null,
    started_by: startedBy,
    started_at: at,
    finished_at: at,
    duration_ms: 0,
    status: 'ok',
    error: null,
    read_rows: 0,
    stored: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    unlinked: 0,
    persons: 0,
    households: 0,
  };
}

/** Per source, the feed deliveries started in [from, toExclusive): rows read and rows quarantined. */
export async function quarantineBySource(db: Executor, from: string, toExclusive: string) {
  const rows = await db
    .selectFrom('ingest_runs')
    .select((eb) => [
      'source_name',
      eb.fn.countAll<number>().as('deliveries'),
      eb.fn.sum<number>('read_rows').as('read_rows'),
      eb.fn.sum<number>('quarantined').as('quarantined'),
    ])
    .where('kind', '=', 'feed')
    .where('started_at', '>=', from)
    .where('started_at', '<', toExclusive)
    .groupBy('source_name')
    .orderBy('source_name')
    .execute();
  return rows.map((r) => ({
    source: r.source_name,
    deliveries: Number(r.deliveries),
    read_rows: Number(r.read_rows ?? 0),
    quarantined: Number(r.quarantined ?? 0),
  }));
}
