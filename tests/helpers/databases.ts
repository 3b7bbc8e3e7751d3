import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../server/src/config.ts';
import { createDb, type Db } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';

// Every database test runs against both dialects: a fresh SQLite file and a
// fresh database on the PostgreSQL server of TEST_PG_URL (started by
// `pnpm test:all` / .ci/run). No mocks.

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  dialect: Dialect;
  target: DatabaseTarget;
  /** What DATABASE_URL must be for a CLI child process to use this database. */
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect, migrate = true): Promise<TestDatabase> {
  const { target, url, cleanup } = dialect === 'sqlite' ? sqliteTarget() : await postgresTarget();
  const db = createDb(target);
  if (migrate) await migrateToLatest(db);
  return {
    dialect,
    target,
    url,
    db,
    async drop() {
      await db.destroy();
      await cleanup();
    },
  };
}

function sqliteTarget() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-test-'));
  const file = path.join(dir, 'test.sqlite');
  return { target: { dialect: 'sqlite', file } as DatabaseTarget, url: file, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function postgresTarget() {
  const name = `vs_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { dialect: 'postgres', url: url.toString() } as DatabaseTarget,
    url: url.toString(),
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at TEST_PG_URL (${PG_ADMIN_URL}); run \`pnpm test:all\`: ${(e as Error).message}`);
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
