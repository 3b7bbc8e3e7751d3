import type { Command } from 'commander';
import { Username } from '@vroegsignaal/shared/api/admin';
import { ROLES, type Role } from '@vroegsignaal/shared/api/auth';
import { Value } from 'typebox/value';
import { ApiError } from '../../services/errors.ts';
import type { EngineContext } from '../../services/context.ts';
import { allUsers, changeUser, createUser, resetUser } from '../../services/users.ts';
import { findUserByUsername } from '../../repositories/user-repository.ts';
import { auditedCli, CLI_ROLE, cliOperator } from '../audit.ts';
import { withEngine } from '../runtime.ts';

// The operator's accounts: the first beheerder of a new installation is made here, with a
// one-time password that must be changed at the first sign-in (no demo users needed).

export function registerUsers(program: Command): void {
  const users = program.command('users').description('local accounts: create, reset, deactivate, list');
  users
    .command('create')
    .argument('<username>', 'lower-case letters, digits, . _ -')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--wijk <wijk...>', 'the wijken of a wijkteam member')
    .description('create a user; prints a one-time password that must be changed at the first sign-in')
    .action((username: string, opts: { role: string; wijk?: string[] }) => withEngine((ctx) => create(ctx, username, opts)));
  users
    .command('reset-password')
    .argument('<username>')
    .description('new one-time password; a new password and a new second factor are required at the next sign-in')
    .action((username: string) => withEngine((ctx) => reset(ctx, username)));
  users
    .command('deactivate')
    .argument('<username>')
    .description('deactivate the account and end all its sessions')
    .action((username: string) => withEngine((ctx) => deactivate(ctx, username)));
  users
    .command('list')
    .description('every user with role, wijken, status and last sign-in (no secrets)')
    .action(() => withEngine((ctx) => list(ctx)));
}

/** The same rules as the API's (shared Username schema), said in one Dutch line. */
function checkedUsername(username: string): string {
  if (!Value.Check(Username, username)) {
    throw new Error(`ongeldige gebruikersnaam '${username}': 3 tot 64 tekens, alleen kleine letters, cijfers, punt, liggend streepje en koppelteken`);
  }
  return username;
}

/** A service's refusal without the API's field path ("body.wijken: …"): the CLI has no body. */
async function plainly<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw e instanceof ApiError && e.reason ? new Error(e.reason) : e;
  }
}

function checkedRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`onbekende rol '${role}': kies uit ${ROLES.join(', ')}`);
  return role as Role;
}

async function create(ctx: EngineContext, username: string, opts: { role: string; wijk?: string[] }): Promise<void> {
  checkedUsername(username);
  const role = checkedRole(opts.role);
  const { user, password } = await auditedCli(
    ctx,
    {
      event: 'cli:users_create',
      command: 'mpg users create',
      describe: ({ user: u }) => ({ type: 'user', id: u.username, detail: `rol ${u.role}${u.wijken.length ? `, wijken ${u.wijken.join(', ')}` : ''}` }),
    },
    () => plainly(createUser(ctx.db, ctx.clock, { username, role, wijken: opts.wijk ?? [] })),
  );
  console.log(`gebruiker: ${user.username}, rol: ${user.role}${user.wijken.length ? `, wijken: ${user.wijken.join(', ')}` : ''}`);
  console.log(`eenmalig wachtwoord (alleen nu getoond; bij de eerste keer inloggen kiest de gebruiker een nieuw): ${password}`);
}

async function userId(ctx: EngineContext, username: string): Promise<number> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new Error(`gebruiker '${username}' bestaat niet`);
  return user.id;
}

async function reset(ctx: EngineContext, username: string): Promise<void> {
  const id = await userId(ctx, username);
  const { password } = await auditedCli(
    ctx,
    {
      event: 'cli:users_reset_password',
      command: 'mpg users reset-password',
      describe: () => ({ type: 'user', id: username, detail: 'nieuw eenmalig wachtwoord, tweede factor verwijderd, sessies beëindigd' }),
    },
    () => plainly(resetUser(ctx.db, ctx.clock, id)),
  );
  console.log(`eenmalig wachtwoord voor ${username} (alleen nu getoond): ${password}`);
  console.log('bij de volgende keer inloggen: nieuw wachtwoord kiezen en de tweede factor opnieuw instellen');
}

async function deactivate(ctx: EngineContext, username: string): Promise<void> {
  const id = await userId(ctx, username);
  // The triage history records who released a case; the CLI's role is not a dashboard role.
  const actor = { username: cliOperator(), role: CLI_ROLE as Role };
  await auditedCli(
    ctx,
    {
      event: 'cli:users_deactivate',
      command: 'mpg users deactivate',
      describe: () => ({ type: 'user', id: username, detail: 'actief: ja → nee, sessies beëindigd' }),
    },
    () => plainly(changeUser(ctx.db, ctx.clock, actor, id, { active: false })),
  );
  console.log(`gedeactiveerd: ${username} (alle sessies beëindigd)`);
}

async function list(ctx: EngineContext): Promise<void> {
  const users = await auditedCli(
    ctx,
    { event: 'cli:users_list', command: 'mpg users list', describe: (u) => ({ type: 'user', id: '', detail: `${u.length} gebruikers` }) },
    () => allUsers(ctx.db),
  );
  console.log(['gebruiker', 'rol', 'wijken', 'actief', 'tweede factor', 'laatst ingelogd'].join('\t'));
  for (const u of users) {
    const row = [u.username, u.role, u.wijken.join(',') || '-', u.active ? 'ja' : 'nee', u.second_factor ? 'ja' : 'nee', u.last_login_at ?? 'nooit'];
    console.log(row.join('\t'));
  }
}
