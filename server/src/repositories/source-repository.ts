import type { Insertable, Selectable, Updateable } from 'kysely';
import type { IngestRunTable } from '../db/schema.ts';
import type { SourceTable } from '../db/schema-scheduling.ts';
import type { Executor } from './types.ts';

export type SourceRow = Selectable<SourceTable>;

export async function listSources(db: Executor): Promise<SourceRow[]> {
  return db.selectFrom('sources').selectAll().orderBy('name').execute();
}

export async function findSource(db: Executor, name: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertSource(db: Executor, values: Insertable<SourceTable>): Promise<number> {
  const row = await db.insertInto('sources').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSource(db: Executor, name: string, values: Updateable<SourceTable>): Promise<boolean> {
  const result = await db.updateTable('sources').set(values).where('name', '=', name).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSource(db: Executor, name: string): Promise<boolean> {
  const result = await db.deleteFrom('sources').where('name', '=', name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type DeliveryRow = Pick<Selectable<IngestRunTable>, 'started_at' | 'status' | 'read_rows' | 'quarantined' | 'checksum' | 'error'>;

/** The newest feed ingests of a source, newest first. */
export async function recentDeliveries(db: Executor, sourceName: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('ingest_runs')
    .select(['started_at', 'status', 'read_rows', 'quarantined', 'checksum', 'error'])
    .where('kind', '=', 'feed')
    .where('source_name', '=', sourceName)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
