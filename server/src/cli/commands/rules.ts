import path from 'node:path';
import type { Command } from 'commander';
import { readRuleSetFile, storeRuleSet } from '../../services/rule-sets.ts';
import { auditedCli, cliOperator } from '../audit.ts';
import { operatorPath, withEngine } from '../runtime.ts';

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('rule sets');
  rules
    .command('import')
    .argument('<file>', 'rule set JSON')
    .option('--publish', 'publish the new version at once')
    .description('store FILE as a new rule set version; publish it with --publish')
    .action((file: string, opts: { publish?: boolean }) =>
      withEngine(async (ctx) => {
        const publish = opts.publish === true;
        const r = await auditedCli(
          ctx,
          {
            event: publish ? 'cli:rules_publish' : 'cli:rules_import',
            command: `mpg rules import${publish ? ' --publish' : ''}`,
            file,
            describe: (x) => ({
              type: 'rule_set',
              id: String(x.id),
              detail: `${x.name} v${x.version} (${x.published ? 'gepubliceerd' : 'concept'}) uit ${path.basename(file)}`,
            }),
            // A CLI publication has no second beleidsmaker; it names the operating-system user.
          },
          async () => storeRuleSet(ctx, await readRuleSetFile(operatorPath(file)), publish, cliOperator()),
        );
        console.log(`rule set: ${r.name}, version: ${r.version}, id: ${r.id}, status: ${r.published ? 'published' : 'draft'}`);
      }),
    );
}
