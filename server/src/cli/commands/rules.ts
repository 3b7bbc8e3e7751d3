import os from 'node:os';
import type { Command } from 'commander';
import { readRuleSetFile, storeRuleSet } from '../../services/rule-sets.ts';
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
        const def = await readRuleSetFile(operatorPath(file));
        // A CLI publication has no second beleidsmaker; it names the operating-system user.
        const r = await storeRuleSet(ctx, def, opts.publish === true, os.userInfo().username);
        console.log(`rule set: ${r.name}, version: ${r.version}, id: ${r.id}, status: ${r.published ? 'published' : 'draft'}`);
      }),
    );
}
