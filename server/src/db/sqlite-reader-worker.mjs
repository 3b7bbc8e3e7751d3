// @ts-check
// A read-only SQLite connection in a worker thread (see sqlite-readers.ts): runs
// the setup statements (temporary tables), then each query, and posts the rows
// back in batches. Plain JavaScript: a worker thread gets no TypeScript loader
// under every runner (tsx, vitest), and all it does is execute compiled SQL.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @typedef {{ sql: string; parameters: readonly unknown[] }} Statement */
/** @type {{ file: string; setup: Statement[]; queries: Statement[]; batchRows: number }} */
const { file, setup, queries, batchRows } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = new SQLite(file, { readonly: true, fileMustExist: true });
try {
  read();
} catch (error) {
  // An error object thrown out of a worker reaches the parent without its message.
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}

function read() {
  // Small: the queries scan in index order, and every reader's cache adds to the process's memory.
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  // One read transaction: the setup and every query see the same committed state.
  db.prepare('begin').run();
  // Temporary tables are the one thing a read-only connection may write.
  for (const s of setup) db.prepare(s.sql).run(...s.parameters);
  queries.forEach((q, query) => {
    let rows = [];
    for (const row of db
      .prepare(q.sql)
      .raw()
      .iterate(...q.parameters)) {
      rows.push(row);
      if (rows.length === batchRows) {
        port.postMessage({ query, rows });
        rows = [];
      }
    }
    if (rows.length) port.postMessage({ query, rows });
  });
  db.prepare('commit').run();
}
