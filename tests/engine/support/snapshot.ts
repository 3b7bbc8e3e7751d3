import type { Db } from '../../../server/src/db/connection.ts';

export type Snapshot = Record<string, string[]>;

/**
 * Every row of every table (migration bookkeeping excepted), as sorted JSON
 * lines, so two databases or two moments can be compared whole.
 */
export async function snapshot(db: Db, options: { exclude?: string[]; dropColumns?: string[] } = {}): Promise<Snapshot> {
  // Any table, also those other features add, so not through the typed schema.
  const any = db as any;
  const tables = ((await db.introspection.getTables()) as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_') && !(options.exclude ?? []).includes(n));
  const out: Snapshot = {};
  for (const name of tables.sort()) {
    const rows: Record<string, unknown>[] = await any.selectFrom(name).selectAll().execute();
    out[name] = rows.map((r) => JSON.stringify(normalise(r, options.dropColumns ?? []))).sort();
  }
  return out;
}

function normalise(row: Record<string, unknown>, drop: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    if (drop.includes(key)) continue;
    const v = row[key];
    out[key] = typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

/** All text of all rows of all tables, for scanning for data that must never be stored. */
export async function allText(db: Db): Promise<string> {
  const snap = await snapshot(db);
  return Object.values(snap).flat().join('\n');
}
