import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate.ts';
import { withEngine } from '../runtime.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('create or upgrade the schema')
    .action(() =>
      withEngine(async ({ db }) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'schema is up to date');
      }),
    );
}
