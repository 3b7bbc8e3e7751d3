import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from '../../server/node_modules/@types/better-sqlite3/index.d.ts';

// better-sqlite3 is a dependency of the server package, not of the root: load it from there.
const require = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'));
export const SQLite = require('better-sqlite3') as typeof BetterSqlite3;
export type SqliteDatabase = BetterSqlite3.Database;
