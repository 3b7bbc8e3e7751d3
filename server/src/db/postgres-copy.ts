import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { PostgresClients } from './connection.ts';

type Statement = Pick<CompiledQuery, 'sql' | 'parameters'>;

/** The work of one connection: setup statements, the rows to copy, then more statements in the same snapshot. */
export interface CopyPart {
  setup: Statement[];
  /** Its parameters are written into the text as literals: COPY takes none. */
  copy: Statement;
  /** The rows of the last one are the part's result. */
  after: Statement[];
}

/**
 * Runs each part on a connection of its own, in a read-only transaction that
 * imports the snapshot of the caller's (repeatable-read) transaction, and copies
 * the rows of every part into the caller's transaction with `copyIn` (a
 * `COPY … FROM STDIN`) as they come, whole lines at a time, without parsing them.
 * The result of each part (see CopyPart) goes to `onRows` once all is copied. On a
 * failure the COPY is cancelled, which fails the caller's transaction, and the
 * first error is thrown once every part has stopped.
 */
export async function copyInParallel(clients: PostgresClients, copyIn: string, parts: CopyPart[], onRows: (rows: unknown[]) => void): Promise<void> {
  const { rows } = await clients.own.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
  const target = clients.own.query(copyFrom(copyIn));
  // Its errors reach the writers and finished(); the server's answer to a cancelled COPY may come later.
  target.on('error', () => undefined);
  const write = async (lines: Buffer) => {
    if (target.destroyed) throw target.errored ?? new Error('the copy into the database was cancelled');
    if (!target.write(lines)) await once(target, 'drain');
  };
  // The first failure is the cause: the others follow from the cancelled copy.
  let failure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    parts.map((part) =>
      copyPart(clients.pool, rows[0]!.snapshot, part, write).catch((error: unknown) => {
        failure ??= { error };
        target.destroy(error as Error);
        throw error;
      }),
    ),
  );
  if (failure) {
    await finished(target).catch(() => undefined);
    throw failure.error;
  }
  target.end();
  await finished(target);
  for (const s of settled) if (s.status === 'fulfilled') onRows(s.value);
}

async function copyPart(pool: pg.Pool, snapshot: string, part: CopyPart, write: (lines: Buffer) => Promise<void>): Promise<unknown[]> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set transaction snapshot ${pg.escapeLiteral(snapshot)}`);
    await run(client, part.setup);
    await forEachLines(client.query(copyTo(`copy (${withLiterals(part.copy)}) to stdout`)), write);
    const rows = await run(client, part.after);
    await client.query('commit');
    return rows;
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // A connection left in the middle of a COPY is closed, not reused.
    client.release(failed);
  }
}

/** Runs the statements in order; returns the rows of the last. */
async function run(client: pg.ClientBase, statements: Statement[]): Promise<unknown[]> {
  let rows: unknown[] = [];
  for (const s of statements) rows = (await client.query(s.sql, [...s.parameters])).rows;
  return rows;
}

/** Hands the stream's bytes on in pieces that end at a line end (COPY text rows are lines). */
async function forEachLines(source: AsyncIterable<Buffer>, write: (lines: Buffer) => Promise<void>): Promise<void> {
  let pending: Buffer[] = [];
  for await (const chunk of source) {
    const end = chunk.lastIndexOf(0x0a);
    if (end < 0) {
      pending.push(chunk);
      continue;
    }
    await write(Buffer.concat([...pending, chunk.subarray(0, end + 1)]));
    pending = end + 1 < chunk.length ? [chunk.subarray(end + 1)] : [];
  }
  if (pending.length) throw new Error('the copied rows ended inside a row');
}

/** The query's text with its parameters ($1, $2, …) written in as SQL literals. */
export function withLiterals(query: Statement): string {
  return query.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(query.parameters[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return `(${String(value)})`;
  throw new Error(`a parameter of type ${typeof value} cannot be written as a literal`);
}
