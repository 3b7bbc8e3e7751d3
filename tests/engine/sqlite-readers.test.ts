import { describe, expect, it } from 'vitest';
import { sqliteFile } from '../../server/src/db/connection.ts';
import { readInParallel } from '../../server/src/db/sqlite-readers.ts';
import { useDatabase } from './support/db.ts';

// The reader threads of a SQLite scoring run (flag-store.ts): SQLite only;
// PostgreSQL's counterpart is tested in postgres-copy.test.ts.

describe('SQLite reader threads', () => {
  const t = useDatabase('sqlite');
  const file = () => sqliteFile(t().db)!;
  const seed = async (n: number) => {
    const rows = Array.from({ length: n }, (_, i) => ({ address_key: `K${String(i).padStart(4, '0')}`, wijk: `W${i % 3}`, persons: 1 }));
    for (let i = 0; i < n; i += 500)
      await t()
        .db.insertInto('households')
        .values(rows.slice(i, i + 500))
        .execute();
  };
  const q = (text: string, ...parameters: unknown[]) => ({ sql: text, parameters });
  const select = (from: string, to: string) => q('select address_key, wijk from households where address_key >= ? and address_key < ? order by 1', from, to);

  it('hands over every row of every reader and query', async () => {
    await seed(5000);
    const got: string[] = [];
    const counts = q('select count(*) from households');
    await readInParallel(
      file(),
      [
        { setup: [], queries: [select('K0000', 'K2500'), counts] },
        { setup: [], queries: [select('K2500', 'K9999')] },
      ],
      async (query, rows) => {
        got.push(...rows.map((r) => `${query}:${r.join('/')}`));
      },
    );
    expect(got.filter((g) => g.startsWith('1:'))).toEqual(['1:5000']);
    const keys = got
      .filter((g) => g.startsWith('0:'))
      .map((g) => g.slice(2, 7))
      .sort();
    expect(keys).toHaveLength(5000);
    expect(new Set(keys).size).toBe(5000);
  });

  it('runs the setup first, in the reader’s own temporary schema, hiding a committed table of the same name', async () => {
    await seed(3);
    const rows: unknown[][] = [];
    await readInParallel(
      file(),
      [
        {
          setup: [q("create temp table households as select 'T1' as address_key, 'Wt' as wijk")],
          queries: [q('select address_key, wijk from households')],
        },
      ],
      async (_q, r) => void rows.push(...(r as unknown[][])),
    );
    expect(rows).toEqual([['T1', 'Wt']]);
    expect(await t().db.selectFrom('households').select('address_key').execute()).toHaveLength(3);
  });

  it('sees the committed database, not the open transaction of the caller', async () => {
    await seed(2);
    const seen = await t()
      .db.transaction()
      .execute(async (trx) => {
        await trx.insertInto('households').values({ address_key: 'UNCOMMITTED', wijk: 'W9', persons: 1 }).execute();
        const rows: unknown[][] = [];
        await readInParallel(file(), [{ setup: [], queries: [q('select count(*) from households')] }], async (_q, r) => void rows.push(...(r as unknown[][])));
        return rows;
      });
    expect(seen).toEqual([[2]]);
  });

  it('fails with the reader’s error and stops handing over rows', async () => {
    await seed(10);
    const bad = q('select no_such_column from households');
    await expect(readInParallel(file(), [{ setup: [], queries: [bad] }], async () => undefined)).rejects.toThrow(/no such column: no_such_column/);
    let calls = 0;
    const failing = readInParallel(
      file(),
      [
        { setup: [], queries: [select('K', 'L')] },
        { setup: [], queries: [select('K', 'L')] },
      ],
      async () => {
        calls++;
        throw new Error('sink failed');
      },
    );
    await expect(failing).rejects.toThrow('sink failed');
    expect(calls).toBe(1);
  });
});
