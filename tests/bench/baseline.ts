import { SQLite } from './sqlite.ts';
import pg from 'pg';

// The physical limit: the very signal rows the engine stored, copied into a fresh,
// migrated database (same table, same indexes) with one prepared statement in one
// transaction, without parsing, validation, hashing or linking. Rows are read from
// the engine's database in chunks; only the inserts and the commit are timed.

const COLUMNS = ['source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn_hash', 'address_key', 'household_key', 'ingest_run_id', 'updated_at'];
const READ_CHUNK = 50_000;

export async function sqliteBaseline(fromFile: string, toFile: string): Promise<{ rows: number; seconds: number }> {
  const from = new SQLite(fromFile, { readonly: true });
  const to = new SQLite(toFile);
  to.pragma('journal_mode = WAL');
  to.pragma('synchronous = FULL');
  to.pragma('cache_size = -200000');
  to.pragma('temp_store = MEMORY');
  const read = from.prepare(`SELECT id, ${COLUMNS.join(', ')} FROM signals WHERE id > ? ORDER BY id LIMIT ${READ_CHUNK}`).raw();
  const insert = to.prepare(`INSERT INTO signals (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let rows = 0;
  let timed = 0;
  let last = 0;
  to.exec('BEGIN');
  for (;;) {
    const chunk = read.all(last) as unknown[][];
    if (chunk.length === 0) break;
    const started = performance.now();
    for (const r of chunk) insert.run(r.slice(1));
    timed += performance.now() - started;
    rows += chunk.length;
    last = chunk[chunk.length - 1]![0] as number;
  }
  const started = performance.now();
  to.exec('COMMIT');
  timed += performance.now() - started;
  from.close();
  to.close();
  return { rows, seconds: timed / 1000 };
}

const PG_BATCH = 5_000;
const PG_TYPES = ['text', 'text', 'text', 'text', 'float8', 'text', 'text', 'text', 'int4', 'text'];

/** PostgreSQL: one prepared INSERT … SELECT FROM unnest($1 … $10), 5000 rows per execution. */
export async function postgresBaseline(fromUrl: string, toUrl: string): Promise<{ rows: number; seconds: number }> {
  const from = new pg.Client({ connectionString: fromUrl });
  const to = new pg.Client({ connectionString: toUrl });
  await from.connect();
  await to.connect();
  const text = `INSERT INTO signals (${COLUMNS.join(', ')}) SELECT * FROM unnest(${PG_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  let rows = 0;
  let timed = 0;
  let last = 0;
  try {
    await to.query('BEGIN');
    for (;;) {
      const { rows: chunk } = await from.query({
        text: `SELECT id, ${COLUMNS.join(', ')} FROM signals WHERE id > $1 ORDER BY id LIMIT ${READ_CHUNK}`,
        values: [last],
        rowMode: 'array',
      });
      if (chunk.length === 0) break;
      const started = performance.now();
      for (let i = 0; i < chunk.length; i += PG_BATCH) {
        const part = chunk.slice(i, i + PG_BATCH) as unknown[][];
        await to.query({ name: 'baseline-insert', text, values: COLUMNS.map((_, c) => part.map((r) => r[c + 1])) });
      }
      timed += performance.now() - started;
      rows += chunk.length;
      last = chunk[chunk.length - 1]![0] as number;
    }
    const started = performance.now();
    await to.query('COMMIT');
    timed += performance.now() - started;
  } finally {
    await from.end();
    await to.end();
  }
  return { rows, seconds: timed / 1000 };
}
