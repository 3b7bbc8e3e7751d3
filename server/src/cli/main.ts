import { Command, CommanderError } from 'commander';
import { registerDb } from './commands/db.ts';
import { registerFeed } from './commands/feed.ts';
import { registerFlags } from './commands/flags.ts';
import { registerPublication } from './commands/publication.ts';
import { registerRegistry } from './commands/registry.ts';
import { registerRules } from './commands/rules.ts';
import { registerScore } from './commands/score.ts';
import { registerUsers } from './commands/users.ts';
import { clearProgress } from './runtime.ts';

// The operator CLI of the data contract (section 5): `pnpm --silent mpg <verb> …`.

// The contract's verbs and others that need no API server.
const CONTRACT_VERBS = new Set(['db', 'registry', 'feed', 'rules', 'score', 'flags', 'register', 'dpia', 'users']);

const program = new Command('mpg')
  .description('Vroegsignaal: registry, signal feeds, rule sets, scoring and flags')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`${oneLine(text)}\n`) });

for (const register of [registerDb, registerRegistry, registerFeed, registerRules, registerScore, registerFlags, registerPublication, registerUsers])
  register(program);
// The server and scheduler verbs load the whole API; a contract verb does not
// need them, and skipping them saves about a second per call.
if (!CONTRACT_VERBS.has(process.argv[2] ?? '')) {
  (await import('./commands/scheduling.ts')).registerScheduling(program);
  (await import('./commands/serve.ts')).registerServe(program);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  clearProgress();
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  }
}
