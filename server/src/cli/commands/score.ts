import { InvalidArgumentError, type Command } from 'commander';
import { isRealDate } from '../../core/dates.ts';
import { scoreAsOf } from '../../services/scoring.ts';
import { auditedCli } from '../audit.ts';
import { withEngine } from '../runtime.ts';

export function parseDateOption(value: string): string {
  if (!isRealDate(value)) throw new InvalidArgumentError(`'${value}' is geen bestaande datum JJJJ-MM-DD`);
  return value;
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .requiredOption('--as-of <date>', 'scoring date YYYY-MM-DD', parseDateOption)
    .description('score all households with the newest published rule set; prints the run id and the number of flags')
    .action((opts: { asOf: string }) =>
      withEngine(async (ctx) => {
        const r = await auditedCli(
          ctx,
          {
            event: 'cli:score',
            command: 'mpg score',
            describe: (x) => ({ type: 'run', id: String(x.runId), detail: `peildatum ${opts.asOf}: ${x.flags} signaleringen` }),
          },
          () => scoreAsOf(ctx, opts.asOf),
        );
        console.log(`run: ${r.runId}, flags: ${r.flags}`);
      }),
    );
}
