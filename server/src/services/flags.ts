import type { FlagItem, FlagsPage, FlagsQuery, RunSummary } from '@vroegsignaal/shared/api/flags';
import type { TriageOutcome, TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { fromMicro, toMicro } from '../core/score.ts';
import type { Db } from '../db/connection.ts';
import { listFlags } from '../repositories/flag-list-repository.ts';
import { findRun, listRuns, wijkFlagCounts } from '../repositories/run-repository.ts';
import { ApiError } from './errors.ts';
import type { ReadCache } from './read-cache.ts';
import { episodeRuns, wijkScope } from './scope.ts';

export async function runsFor(db: Db, user: AuthenticatedUser): Promise<RunSummary[]> {
  const runs = await listRuns(db);
  const scope = wijkScope(user);
  const own = scope ? new Map((await wijkFlagCounts(db, scope)).map((c) => [c.run_id, c])) : undefined;
  return runs.map((r) => {
    const mine = own?.get(r.id);
    const flags = own ? Number(mine?.flags ?? 0) : r.flags;
    const newFlags = own ? Number(mine?.new_flags ?? 0) : r.new_flags;
    return {
      id: r.id, as_of: r.as_of, rule_set_id: r.rule_set_id, rule_set_name: r.rule_set_name, rule_set_version: r.rule_set_version,
      finished_at: r.finished_at, flags, new_flags: newFlags, persisting_flags: flags - newFlags,
    };
  });
}

export async function flagsOfRun(db: Db, user: AuthenticatedUser, runId: number, q: FlagsQuery, cache: ReadCache): Promise<FlagsPage> {
  // Everything the page depends on is in the key: the run, the query, the user's wijken and name (for "assigned to me").
  const key = JSON.stringify(['flags', runId, q, wijkScope(user) ?? null, q.assigned_to_me ? user.username : null]);
  return cache.get(key, () => computeFlagsPage(db, user, runId, q));
}

async function computeFlagsPage(db: Db, user: AuthenticatedUser, runId: number, q: FlagsQuery): Promise<FlagsPage> {
  const run = await findRun(db, runId);
  if (!run) throw ApiError.notFound('scoringsronde niet gevonden');
  const page = q.page ?? 1;
  const pageSize = q.page_size ?? 50;
  const sort = q.sort ?? 'score';
  const { items, total } = await listFlags(db, {
    runId, episodeRuns: await episodeRuns(db, runId), wijken: wijkScope(user), wijk: q.wijk, status: q.status, kind: q.kind,
    minScoreMicro: q.min_score === undefined ? undefined : toMicro(q.min_score), indicator: q.indicator,
    assignedTo: q.assigned_to_me ? user.username : undefined,
    sort, order: q.order ?? (sort === 'score' || sort === 'weeks_on_list' || sort === 'domains' ? 'desc' : 'asc'),
    limit: pageSize, offset: (page - 1) * pageSize,
  });
  return { run_id: runId, as_of: run.as_of, items: items.map(toFlagItem), page, page_size: pageSize, total };
}

function toFlagItem(f: Awaited<ReturnType<typeof listFlags>>['items'][number]): FlagItem {
  return {
    id: f.id, run_id: f.run_id, household_key: f.household_key, wijk: f.wijk, score: fromMicro(Number(f.score_micro)), domains: f.domains,
    indicators: f.indicators ? f.indicators.split('|') : [], is_new: f.is_new === 1, weeks_on_list: f.weeks_on_list, adults: f.adults,
    minors: f.minors, triage_status: (f.status ?? 'nieuw') as TriageStatus, assigned_to: f.assigned_to ?? null,
    outcome: (f.outcome ?? null) as TriageOutcome | null,
  };
}
