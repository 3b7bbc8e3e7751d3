import type { AuthenticatedUser } from '../auth/authenticator.ts';
import type { Db } from '../db/connection.ts';
import { findFlag } from '../repositories/flag-list-repository.ts';
import { runChain } from '../repositories/run-repository.ts';
import { ApiError, FLAG_NOT_VISIBLE, OutOfScope } from './errors.ts';

// Which flags a user may see: a coordinator all, a wijkteam member those in their wijken.

/** The wijken a user is limited to; undefined means all. */
export function wijkScope(user: AuthenticatedUser): string[] | undefined {
  return user.role === 'wijkteam' ? user.wijken : undefined;
}

export function inScope(user: AuthenticatedUser, wijk: string): boolean {
  const scope = wijkScope(user);
  return scope === undefined || scope.includes(wijk);
}

export type FlagRow = NonNullable<Awaited<ReturnType<typeof findFlag>>>;

/** A flag the user may see today; a household excluded today (restriction, objection) answers as not found. */
export async function flagForUser(db: Db, user: AuthenticatedUser, flagId: number, today: string): Promise<FlagRow> {
  const flag = await findFlag(db, flagId, today);
  if (!flag) throw ApiError.notFound(FLAG_NOT_VISIBLE);
  if (!inScope(user, flag.wijk)) throw new OutOfScope();
  return flag;
}

/** Run ids from `runId` back through its predecessors (index w-1: the run w runs back). */
export async function episodeRuns(db: Db, runId: number, max = 1000): Promise<number[]> {
  const chain = await runChain(db);
  const out: number[] = [];
  let at: number | null | undefined = runId;
  while (at !== null && at !== undefined && out.length < max) {
    out.push(at);
    at = chain.get(at);
  }
  return out;
}

/** The run in which a flag's household entered the list for this episode. */
export async function episodeStart(db: Db, flag: { run_id: number; weeks_on_list: number }): Promise<number> {
  const runs = await episodeRuns(db, flag.run_id, flag.weeks_on_list);
  return runs[flag.weeks_on_list - 1] ?? runs[runs.length - 1] ?? flag.run_id;
}
