import { withRegistryLock } from '../db/registry-lock.ts';
import path from 'node:path';
import { localDate } from '../core/dates.ts';
import { maskedRaw, type RawRow } from '../core/raw-row.ts';
import { checkRegistryRow } from '../core/registry-row.ts';
import { openRows } from '../io/read-rows.ts';
import { emptyRun, insertIngestRun, updateIngestRun } from '../repositories/ingest-run-repository.ts';
import { insertQuarantine, type QuarantineEntry } from '../repositories/quarantine-repository.ts';
import {
  clearStaging,
  insertStaging,
  registryKnown,
  relinkSignals,
  replaceRegistry,
  stagedDuplicates,
  updateResidences,
  previousRegistryImportAt,
} from '../repositories/registry-repository.ts';
import type { Executor } from '../repositories/types.ts';
import type { RegistryStagingTable } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import type { EngineContext } from './context.ts';
import { missingRegistryColumns } from './file-columns.ts';
import { recordFailedRun } from './failed-run.ts';

export interface RegistryImportResult {
  runId: number;
  read: number;
  persons: number;
  households: number;
  rejected: number;
}

const BATCH = 2000;

/** Replaces the registry with a snapshot file (contract 2.1), all or nothing. */
export async function importRegistry(ctx: EngineContext, file: string): Promise<RegistryImportResult> {
  return withRegistryLock(ctx.db, (db) => importLocked({ ...ctx, db }, file));
}

async function importLocked(ctx: EngineContext, file: string): Promise<RegistryImportResult> {
  const started = ctx.clock.now(); // after the lock: a scoring run that started before it has ended
  const fileName = path.basename(file);
  try {
    const source = await openRows(file, missingRegistryColumns);
    const importDate = localDate(started, ctx.timeZone);
    return await ctx.db.transaction().execute(async (trx) => {
      const runId = await insertIngestRun(trx, emptyRun('registry', fileName, ctx.actor, started.toISOString()));
      await clearStaging(trx);
      const rejected: QuarantineEntry[] = [];
      let read = 0;
      let staged: Insertable<RegistryStagingTable>[] = [];
      for await (const row of source.rows) {
        read++;
        const entry = stageRow(ctx, row, importDate, rejected);
        if (entry) staged.push(entry);
        if (staged.length >= BATCH) {
          await insertStaging(trx, staged);
          staged = [];
          ctx.onProgress?.(read);
        }
      }
      await insertStaging(trx, staged);
      await rejectDuplicates(trx, rejected, ctx);
      const known = await registryKnown(trx);
      const counts = await replaceRegistry(trx);
      await updateResidences(trx, started.toISOString(), known ? started.toISOString() : null, await previousRegistryImportAt(trx, runId));
      await relinkSignals(trx);
      await clearStaging(trx);
      const finished = ctx.clock.now();
      await insertQuarantine(trx, runId, rejected, finished.toISOString());
      await updateIngestRun(trx, runId, {
        checksum: source.checksum(),
        finished_at: finished.toISOString(),
        duration_ms: finished.getTime() - started.getTime(),
        read_rows: read,
        quarantined: rejected.length,
        persons: counts.persons,
        households: counts.households,
      });
      return { runId, read, ...counts, rejected: rejected.length };
    });
  } catch (error) {
    await recordFailedRun(ctx, 'registry', fileName, started, error);
    throw error;
  }
}

function stageRow(ctx: EngineContext, row: RawRow, importDate: string, rejected: QuarantineEntry[]): Insertable<RegistryStagingTable> | null {
  const result = checkRegistryRow(row, importDate);
  const raw = maskedRaw(row);
  if (!result.ok) {
    rejected.push(quarantineEntry(ctx, row, raw, result.reasons));
    // A rejected row with a well-formed bsn still counts when looking for duplicates.
    if (!result.bsn) return null;
    return {
      row_number: row.rowNumber,
      bsn_hash: ctx.pseudonymize(result.bsn),
      birth_date: null,
      address_key: null,
      wijk: null,
      valid: 0,
      raw: JSON.stringify(raw),
    };
  }
  const p = result.person;
  return {
    row_number: row.rowNumber,
    bsn_hash: ctx.pseudonymize(p.bsn),
    birth_date: p.birthDate,
    address_key: p.addressKey,
    wijk: p.wijk,
    valid: 1,
    raw: JSON.stringify(raw),
  };
}

async function rejectDuplicates(trx: Executor, rejected: QuarantineEntry[], ctx: EngineContext): Promise<void> {
  for (const dup of await stagedDuplicates(trx)) {
    if (dup.valid !== 1) continue; // already rejected for its own reasons
    const raw = JSON.parse(dup.raw) as Record<string, string>;
    rejected.push({
      kind: 'registry',
      source: null,
      rowNumber: dup.row_number,
      raw,
      reasons: ['bsn komt meer dan één keer voor in het bestand'],
      rawHash: ctx.pseudonymize(`registry-dup:${dup.row_number}:${dup.raw}`),
    });
  }
}

export function quarantineEntry(
  ctx: EngineContext,
  row: RawRow,
  raw: Record<string, string>,
  reasons: string[],
  source: string | null = null,
): QuarantineEntry {
  return {
    kind: source === null ? 'registry' : 'feed',
    source,
    rowNumber: row.rowNumber,
    raw,
    reasons,
    rawHash: ctx.pseudonymize(JSON.stringify(row.fields)),
  };
}
