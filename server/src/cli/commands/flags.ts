import { InvalidArgumentError, type Command } from 'commander';
import { exportFlags } from '../../services/flag-export.ts';
import { auditedCli } from '../audit.ts';
import { withEngine } from '../runtime.ts';

function parseRunId(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError(`'${value}' is geen run-id`);
  return Number(value);
}

function parseFormat(value: string): 'csv' {
  if (value !== 'csv') throw new InvalidArgumentError(`formaat '${value}' wordt niet ondersteund (alleen csv)`);
  return value;
}

export function registerFlags(program: Command): void {
  const flags = program.command('flags').description('flags of scoring runs');
  flags
    .command('export')
    .option('--run <id>', 'scoring run id (default: the newest run)', parseRunId)
    .requiredOption('--format <format>', 'output format: csv', parseFormat)
    .description('write the flags of a run to stdout, sorted by address_key')
    .action((opts: { run?: number; format: 'csv' }) =>
      withEngine(async (ctx) => {
        const { csv } = await auditedCli(
          ctx,
          {
            event: 'cli:flags_export',
            command: 'mpg flags export',
            describe: (x) => ({ type: 'export', id: `run:${x.runId}`, detail: `signaleringen als CSV naar stdout: ${x.rows} huishoudens` }),
          },
          () => exportFlags(ctx.db, opts.run),
        );
        process.stdout.write(csv);
      }),
    );
}
