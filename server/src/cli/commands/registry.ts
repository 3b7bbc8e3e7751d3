import path from 'node:path';
import type { Command } from 'commander';
import { importRegistry } from '../../services/registry-import.ts';
import { auditedCli } from '../audit.ts';
import { clearProgress, operatorPath, withEngine } from '../runtime.ts';

export function registerRegistry(program: Command): void {
  const registry = program.command('registry').description('the registry snapshot (BRP extract)');
  registry
    .command('import')
    .argument('<file>', 'registry snapshot: CSV (, or ;), JSON or NDJSON')
    .description('replace the registry with FILE; prints counts of persons, households and rejected rows')
    .action((file: string) =>
      withEngine(async (ctx) => {
        const r = await auditedCli(
          ctx,
          {
            event: 'cli:registry_import',
            command: 'mpg registry import',
            file,
            describe: (x) => ({
              type: 'ingest_run',
              id: String(x.runId),
              detail: `${path.basename(file)}: personen ${x.persons}, huishoudens ${x.households}, geweigerd ${x.rejected}`,
            }),
          },
          () => importRegistry(ctx, operatorPath(file)),
        );
        clearProgress();
        console.log(`persons: ${r.persons}, households: ${r.households}, rejected: ${r.rejected}`);
      }),
    );
}
