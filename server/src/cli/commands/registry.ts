import type { Command } from 'commander';
import { importRegistry } from '../../services/registry-import.ts';
import { clearProgress, operatorPath, withEngine } from '../runtime.ts';

export function registerRegistry(program: Command): void {
  const registry = program.command('registry').description('the registry snapshot (BRP extract)');
  registry
    .command('import')
    .argument('<file>', 'registry snapshot: CSV (, or ;), JSON or NDJSON')
    .description('replace the registry with FILE; prints counts of persons, households and rejected rows')
    .action((file: string) =>
      withEngine(async (ctx) => {
        const r = await importRegistry(ctx, operatorPath(file));
        clearProgress();
        console.log(`persons: ${r.persons}, households: ${r.households}, rejected: ${r.rejected}`);
      }),
    );
}
