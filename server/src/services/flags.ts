import { ADDRESS_SEARCH_HINT, parseAddressSearch, type AddressMatch } from '@vroegsignaal/shared/address-search';
import {
  CLOSED_TRIAGE_STATUSES,
  type FlagItem,
  type FlagsExportBody,
  type FlagsPage,
  type FlagsSearchBody,
  type RunSummary,
  type StatusCounts,
} from '@vroegsignaal/shared/api/flags';
import { TRIAGE_STATUSES, type TriageOutcome, type TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { fromMicro, toMicro } from '../core/score.ts';
import type { Db } from '../db/connection.ts';
import { countByStatus, listFlags, type FlagListFilter } from '../repositories/flag-list-repository.ts';
import { findRun, hiddenFlagCounts, listRuns, wijkFlagCounts } from '../repositories/run-repository.ts';
import { ApiError } from './errors.ts';
import type { ReadCache } from './read-cache.ts';
import { episodeRuns, wijkScope } from './scope.ts';

/** The runs with their counts as the user's lists show them: in their wijken, without households hidden today by an exclusion. */
export async function runsFor(db: Db, user: AuthenticatedUser, today: string): Promise<RunSummary[]> {
  const runs = await listRuns(db);
  const scope = wijkScope(user);
  const own = scope ? new Map((await wijkFlagCounts(db, scope)).map((c) => [c.run_id, c])) : undefined;
  const hidden = new Map((await hiddenFlagCounts(db, today, scope)).map((c) => [c.run_id, c]));
  return runs.map((r) => {
    const mine = own?.get(r.id);
    const out = hidden.get(r.id);
    const flags = (own ? Number(mine?.flags ?? 0) : r.flags) - Number(out?.flags ?? 0);
    const newFlags = (own ? Number(mine?.new_flags ?? 0) : r.new_flags) - Number(out?.new_flags ?? 0);
    return {
      id: r.id,
      as_of: r.as_of,
      rule_set_id: r.rule_set_id,
      rule_set_name: r.rule_set_name,
      rule_set_version: r.rule_set_version,
      finished_at: r.finished_at,
      flags,
      new_flags: newFlags,
      persisting_flags: flags - newFlags,
    };
  });
}

export async function flagsOfRun(
  db: Db,
  user: AuthenticatedUser,
  runId: number,
  q: FlagsSearchBody,
  cache: ReadCache,
  today: string,
  part = 'querystring',
): Promise<FlagsPage> {
  const filter = checkedFilter(q, part);
  // Everything the page depends on is in the key: the run, the query, the user's wijken and name (for "assigned to me"),
  // and today (an exclusion hides a household only during its period).
  const key = JSON.stringify(['flags', runId, q, wijkScope(user) ?? null, q.assigned_to_me ? user.username : null, today]);
  return cache.get(key, () => computeFlagsPage(db, user, runId, q, filter, today));
}

async function computeFlagsPage(db: Db, user: AuthenticatedUser, runId: number, q: FlagsSearchBody, filter: CheckedFilter, today: string): Promise<FlagsPage> {
  const run = await findRun(db, runId);
  if (!run) throw ApiError.notFound('scoringsronde niet gevonden');
  const page = q.page ?? 1;
  const pageSize = q.page_size ?? 50;
  const sort = q.sort ?? 'score';
  const where = await listFilter(db, user, runId, q, filter, today);
  const [{ items, total }, counts] = await Promise.all([
    listFlags(db, {
      ...where,
      sort,
      order: q.order ?? (sort === 'score' || sort === 'weeks_on_list' || sort === 'domains' ? 'desc' : 'asc'),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    countByStatus(db, where),
  ]);
  const status_counts = Object.fromEntries(TRIAGE_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as StatusCounts;
  return { run_id: runId, as_of: run.as_of, items: items.map((f) => toFlagItem(f, today)), status_counts, page, page_size: pageSize, total };
}

/** The flags of a run under a filter, for the dashboard's export; every one of them, by address. */
export async function flagsForDashboardExport(db: Db, user: AuthenticatedUser, runId: number, q: FlagsExportBody, part: string, today: string) {
  const filter = checkedFilter(q, part);
  if (!(await findRun(db, runId))) throw ApiError.notFound('scoringsronde niet gevonden');
  const { items } = await listFlags(db, { ...(await listFilter(db, user, runId, q, filter, today)), sort: 'address', order: 'asc', offset: 0 });
  return items;
}

type CheckedFilter = { address?: AddressMatch };

/** Combinations the schema cannot refuse: a Dutch 400 naming the field. */
function checkedFilter(q: FlagsExportBody, part: string): CheckedFilter {
  const assignment = [q.assigned_to_me ? 'assigned_to_me' : null, q.assignee !== undefined ? 'assignee' : null, q.unassigned ? 'unassigned' : null].filter(
    (x) => x !== null,
  );
  if (assignment.length > 1) throw ApiError.badRequest(`${part}.${assignment[1]}`, `kan niet samen met ${assignment[0]}: kies één manier van toewijzing`);
  if (q.min_score !== undefined && q.max_score !== undefined && q.min_score > q.max_score)
    throw ApiError.badRequest(`${part}.max_score`, 'moet minstens min_score zijn');
  if (q.min_weeks !== undefined && q.max_weeks !== undefined && q.min_weeks > q.max_weeks)
    throw ApiError.badRequest(`${part}.max_weeks`, 'moet minstens min_weeks zijn');
  const checked: CheckedFilter = {};
  if (q.search !== undefined) {
    const address = parseAddressSearch(q.search);
    if (!address) throw ApiError.badRequest(`${part}.search`, ADDRESS_SEARCH_HINT);
    checked.address = address;
  }
  return checked;
}

async function listFilter(db: Db, user: AuthenticatedUser, runId: number, q: FlagsExportBody, c: CheckedFilter, today: string): Promise<FlagListFilter> {
  return {
    runId,
    today,
    episodeRuns: await episodeRuns(db, runId),
    wijken: wijkScope(user),
    wijk: q.wijk,
    status: q.status,
    kind: q.kind,
    minScoreMicro: q.min_score === undefined ? undefined : toMicro(q.min_score),
    maxScoreMicro: q.max_score === undefined ? undefined : toMicro(q.max_score),
    minWeeks: q.min_weeks,
    maxWeeks: q.max_weeks,
    indicator: q.indicator,
    assignedTo: q.assigned_to_me ? user.username : q.unassigned ? null : q.assignee,
    excludeStatuses: q.hide_closed ? CLOSED_TRIAGE_STATUSES : undefined,
    address: c.address,
    overdue: q.overdue,
  };
}

function toFlagItem(f: Awaited<ReturnType<typeof listFlags>>['items'][number], today?: string): FlagItem {
  const status = (f.status ?? 'nieuw') as TriageStatus;
  const due = f.first_contact_due ?? null;
  return {
    id: f.id,
    run_id: f.run_id,
    household_key: f.household_key,
    wijk: f.wijk,
    score: fromMicro(Number(f.score_micro)),
    domains: f.domains,
    indicators: f.indicators ? f.indicators.split('|') : [],
    is_new: f.is_new === 1,
    weeks_on_list: f.weeks_on_list,
    adults: f.adults,
    minors: f.minors,
    triage_status: (f.status ?? 'nieuw') as TriageStatus,
    assigned_to: f.assigned_to ?? null,
    outcome: (f.outcome ?? null) as TriageOutcome | null,
    first_contact_due: due,
    urgent: f.urgent === 1,
    overdue: isOverdue(status, due, today),
  };
}

/** First contact is overdue while nobody has picked the case up after its due date. */
export function isOverdue(status: TriageStatus, due: string | null, today: string | undefined): boolean {
  return status === 'nieuw' && due !== null && today !== undefined && due < today;
}
