import { describe, expect, it } from 'vitest';
import { postgresClients } from '../../server/src/db/connection.ts';
import { copyInParallel, withLiterals } from '../../server/src/db/postgres-copy.ts';
import type { Db } from '../../server/src/db/connection.ts';
import { useDatabase } from './support/db.ts';

// The connections of a PostgreSQL scoring run (flag-store.ts) that copy the flag
// rows of their part of the households into the run's transaction; SQLite's
// counterpart is tested in sqlite-readers.test.ts.

const q = (text: string, ...parameters: unknown[]) => ({ sql: text, parameters });
const TARGET = 'copy copy_target (part, n, label) from stdin';

/** Runs `text` on `db`'s own connection (a transaction's), or on the pool. */
async function exec<T extends object>(db: Db, text: string, inTransaction = false): Promise<T[]> {
  const clients = (await postgresClients(db))!;
  return (await (inTransaction ? clients.own : clients.pool).query(text)).rows as T[];
}

async function createTarget(db: Db) {
  await exec(db, 'drop table if exists copy_target, copy_source');
  await exec(db, 'create table copy_target (part text, n integer, label text)');
  await exec(db, 'create table copy_source (n integer)');
  await exec(db, 'insert into copy_source select generate_series(1, 3)');
}

describe('PostgreSQL copy of the parts into the run’s transaction', () => {
  const t = useDatabase('postgres');

  it('copies every row of every part, rows longer than a network packet whole, and returns each part’s result', async () => {
    await createTarget(t().db);
    const results: unknown[] = [];
    await t()
      .db.transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const long = 'x'.repeat(20_000);
        const part = (name: string, from: number, to: number) => ({
          setup: [q('set local work_mem to 4096')],
          copy: q('select $1::text, i, $2::text || i from generate_series($3::int, $4::int) i', name, `${long}'\t\\`, from, to),
          after: [q('select $1::text as part, count(*)::int as n from copy_source', name)],
        });
        await copyInParallel((await postgresClients(trx))!, TARGET, [part('a', 1, 300), part('b', 301, 450)], (rows) => results.push(...rows));
      });
    const rows = { rows: await exec<{ part: string; n: number; label: string }>(t().db, 'select part, n, label from copy_target order by n') };
    expect(rows.rows).toHaveLength(450);
    expect(rows.rows.map((r) => r.n)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(rows.rows.every((r) => r.label === `${'x'.repeat(20_000)}'\t\\${r.n}` && r.part === (r.n <= 300 ? 'a' : 'b'))).toBe(true);
    expect(results).toEqual(
      expect.arrayContaining([
        { part: 'a', n: 3 },
        { part: 'b', n: 3 },
      ]),
    );
  });

  it('reads the snapshot of the caller: not its own uncommitted rows, not rows committed since', async () => {
    await createTarget(t().db);
    await t()
      .db.transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await exec(trx, 'insert into copy_source values (100)', true);
        await exec(t().db, 'insert into copy_source values (200)');
        const part = { setup: [], copy: q("select 'p', n, 'seen' from copy_source"), after: [q('select 1')] };
        await copyInParallel((await postgresClients(trx))!, TARGET, [part], () => undefined);
      });
    const seen = await exec<{ n: number }>(t().db, 'select n from copy_target order by n');
    expect(seen.map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('fails with a part’s error, cancels the copy and with it the caller’s transaction', async () => {
    await createTarget(t().db);
    const good = { setup: [], copy: q("select 'g', i, 'ok' from generate_series(1, 20000) i"), after: [q('select 1')] };
    const bad = { setup: [], copy: q("select 'b', 1 / (i - 5000), 'bad' from generate_series(1, 20000) i"), after: [q('select 1')] };
    await expect(
      t()
        .db.transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await exec(trx, 'insert into copy_source values (7)', true);
          await copyInParallel((await postgresClients(trx))!, TARGET, [good, bad], () => undefined);
        }),
    ).rejects.toThrow(/division by zero/);
    expect(await exec(t().db, 'select count(*)::int as n from copy_target')).toEqual([{ n: 0 }]);
    expect(await exec(t().db, 'select count(*)::int as n from copy_source')).toEqual([{ n: 3 }]);
  });

  it('writes parameters as literals that mean the same', () => {
    expect(withLiterals(q('select $1, $2, $3, $4, $10', "it's", -2.5, null, true, 1, 1, 1, 1, 1, 'x'))).toBe("select 'it''s', (-2.5), null, true, 'x'");
    expect(() => withLiterals(q('select $1', Number.NaN))).toThrow(/cannot be written/);
  });
});
