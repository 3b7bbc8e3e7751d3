import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import type { FlagTable } from '../db/schema.ts';
import { isActiveIn } from './active-rules.ts';
import { DUE, URGENT } from './deadline-repository.ts';
import { notExcludedOn, runStartedAt } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// The flags of one run with the triage of each household's episode.

export interface FlagListFilter {
  runId: number;
  /** The local date: a household with an exclusion (restriction, objection) active on it is left out, and the overdue filter counts from it. */
  today: string;
  /** Run ids from this run backwards: index w-1 is where a flag with weeks_on_list w entered the list. */
  episodeRuns: number[];
  wijken?: string[];
  wijk?: string;
  status?: string;
  kind?: 'new' | 'persisting';
  minScoreMicro?: number;
  maxScoreMicro?: number;
  minWeeks?: number;
  maxWeeks?: number;
  indicator?: string;
  /** A username, or null for "nobody assigned". */
  assignedTo?: string | null;
  /** Statuses to leave out (closed cases). */
  excludeStatuses?: readonly string[];
  /** Part of the address key (upper case, digits, letters and dashes only). */
  address?: { kind: 'prefix' | 'contains'; value: string };
  /** Only flags whose first contact is overdue on `today` (still `nieuw` after the due date). */
  overdue?: boolean;
}

export interface FlagListPage extends FlagListFilter {
  sort: 'score' | 'weeks_on_list' | 'address' | 'wijk' | 'domains' | 'status' | 'assignee';
  order: 'asc' | 'desc';
  /** Without a limit: every matching flag (the export). */
  limit?: number;
  offset: number;
}

const SORT_COLUMN = {
  score: 'f.score_micro',
  weeks_on_list: 'f.weeks_on_list',
  address: 'f.household_key',
  wijk: 'f.wijk',
  domains: 'f.domains',
} as const;

/** A flag without a triage row is `nieuw`. */
const STATUS = sql<string>`coalesce(t.status, 'nieuw')`;
/** Statuses sort in the order of the work, not alphabetically. */
const STATUS_RANK = sql<number>`case ${STATUS} ${sql.join(
  TRIAGE_STATUSES.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(i)}`),
  sql` `,
)} else ${sql.lit(TRIAGE_STATUSES.length)} end`;
/** Assigned first (by name), nobody last; reversed for descending. */
const UNASSIGNED_LAST = sql<number>`case when t.assigned_to is null then 1 else 0 end`;

function base(db: Executor, p: FlagListFilter) {
  return db
    .selectFrom('flags as f')
    .leftJoin('triage as t', (j) => j.onRef('t.household_key', '=', 'f.household_key').on((eb) => eb('t.episode_run_id', '=', episodeCase(eb, p.episodeRuns))))
    .leftJoin('triage_deadlines as d', (j) =>
      j.onRef('d.household_key', '=', 'f.household_key').on((eb) => eb('d.episode_run_id', '=', episodeCase(eb, p.episodeRuns))),
    )
    .leftJoin('scoring_runs as er', (j) => j.on((eb) => eb('er.id', '=', episodeCase(eb, p.episodeRuns))))
    .where('f.run_id', '=', p.runId)
    .where((eb) => notExcludedOn(eb.ref('f.household_key'), p.today, runStartedAt(p.runId)))
    .$if(p.wijken !== undefined, (q) => (p.wijken!.length ? q.where('f.wijk', 'in', p.wijken!) : q.where(sql<SqlBool>`1 = 0`)))
    .$if(p.wijk !== undefined, (q) => q.where('f.wijk', '=', p.wijk!))
    .$if(p.kind !== undefined, (q) => q.where('f.is_new', '=', p.kind === 'new' ? 1 : 0))
    .$if(p.minScoreMicro !== undefined, (q) => q.where('f.score_micro', '>=', p.minScoreMicro!))
    .$if(p.maxScoreMicro !== undefined, (q) => q.where('f.score_micro', '<=', p.maxScoreMicro!))
    .$if(p.minWeeks !== undefined, (q) => q.where('f.weeks_on_list', '>=', p.minWeeks!))
    .$if(p.maxWeeks !== undefined, (q) => q.where('f.weeks_on_list', '<=', p.maxWeeks!))
    .$if(typeof p.assignedTo === 'string', (q) => q.where('t.assigned_to', '=', p.assignedTo!))
    .$if(p.assignedTo === null, (q) => q.where('t.assigned_to', 'is', null))
    .$if(p.status !== undefined, (q) => q.where(STATUS, '=', p.status!))
    .$if((p.excludeStatuses?.length ?? 0) > 0, (q) => q.where(STATUS, 'not in', [...p.excludeStatuses!]))
    .$if(p.address !== undefined, (q) => q.where('f.household_key', 'like', likePattern(p.address!)))
    .$if(p.indicator !== undefined, (q) => q.where(isActiveIn(db, p.indicator!)))
    .$if(p.overdue === true, (q) => q.where(STATUS, '=', 'nieuw').where(DUE, '<', p.today));
}

/** The value holds only digits, capitals and dashes (parseAddressSearch), so nothing needs escaping. */
function likePattern(a: { kind: 'prefix' | 'contains'; value: string }): string {
  if (!/^[0-9A-Z-]+$/.test(a.value)) throw new Error('address search value must be digits, capitals and dashes');
  return a.kind === 'prefix' ? `${a.value}%` : `%${a.value}%`;
}

function episodeCase(eb: ExpressionBuilder<{ f: FlagTable }, 'f'>, runs: number[]): Expression<number | null> {
  const [first, ...rest] = runs;
  if (first === undefined) return sql<null>`null`;
  let c = eb.case('f.weeks_on_list').when(1).then(first);
  for (const [i, id] of rest.entries()) c = c.when(i + 2).then(id);
  // Longer than the known chain (runs removed): the oldest known run, as episodeStart does.
  return c.else(runs[runs.length - 1]!).end();
}

/** The columns of a flag as the lists and the household history show it. */
const FLAG_ROW = [
  'f.id',
  'f.run_id',
  'f.household_key',
  'f.wijk',
  'f.score_micro',
  'f.domains',
  'f.indicators',
  'f.is_new',
  'f.weeks_on_list',
  'f.adults',
  'f.minors',
] as const;

export async function listFlags(db: Executor, p: FlagListPage) {
  const [items, total] = await Promise.all([
    sorted(base(db, p), p)
      .select([...FLAG_ROW, 't.status', 't.assigned_to', 't.outcome', DUE.as('first_contact_due'), URGENT.as('urgent')])
      .orderBy('f.household_key', 'asc')
      .$if(p.limit !== undefined, (q) => q.limit(p.limit!).offset(p.offset))
      .execute(),
    base(db, p)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

function sorted<Q extends ReturnType<typeof base>>(q: Q, p: FlagListPage): Q {
  if (p.sort === 'status') return q.orderBy(STATUS_RANK, p.order).orderBy('f.score_micro', 'desc') as Q;
  if (p.sort === 'assignee') return q.orderBy(UNASSIGNED_LAST, p.order).orderBy('t.assigned_to', p.order).orderBy('f.score_micro', 'desc') as Q;
  return q.orderBy(SORT_COLUMN[p.sort], p.order) as Q;
}

/** How many flags under the filter have each triage status (the filter's own status and exclusions left aside). */
export async function countByStatus(db: Executor, p: FlagListFilter): Promise<Map<string, number>> {
  const rows = await base(db, { ...p, status: undefined, excludeStatuses: undefined })
    .select((eb) => [STATUS.as('status'), eb.fn.countAll<number>().as('n')])
    .groupBy(STATUS)
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** A flag, unless its household is excluded on `visibleOn` (then undefined, as for an unknown flag). */
export async function findFlag(db: Executor, id: number, visibleOn: string) {
  return db
    .selectFrom('flags as f')
    .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
    .select([...FLAG_ROW, 'r.as_of'])
    .where('f.id', '=', id)
    .where((eb) => notExcludedOn(eb.ref('f.household_key'), visibleOn, eb.ref('r.started_at')))
    .executeTakeFirst();
}

/** The run of a flag, whatever lists may show. */
export async function runOfFlag(db: Executor, id: number): Promise<number | undefined> {
  return (await db.selectFrom('flags').select('run_id').where('id', '=', id).executeTakeFirst())?.run_id;
}

/** Indicators of a run's flags, for the CSV export (one row per flag). */
export async function flagsOfHousehold(db: Executor, householdKey: string) {
  return db
    .selectFrom('flags as f')
    .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
    .innerJoin('rule_sets as rs', 'rs.id', 'r.rule_set_id')
    .select([
      'f.id',
      'f.run_id',
      'r.as_of',
      'f.score_micro',
      'f.domains',
      'f.evidence',
      'rs.id as rule_set_id',
      'rs.name as rule_set_name',
      'rs.version as rule_set_version',
      'rs.flag_threshold',
      'rs.min_domains',
    ])
    .where('f.household_key', '=', householdKey)
    .orderBy('r.as_of', 'desc')
    .orderBy('f.run_id', 'desc')
    .execute();
}

/** The rules of these runs: the domain and weight of each active indicator of their flags. */
export async function runRulesOf(db: Executor, runIds: number[]) {
  if (runIds.length === 0) return [];
  return db.selectFrom('scoring_run_rules').select(['run_id', 'indicator', 'domain', 'weight_micro']).where('run_id', 'in', runIds).execute();
}

/**
 * Signal versions by id, current (`signals`) or replaced by a correction (`signal_versions`), newest observation first. With `residentsOf`, `resident` says whether the signal names a person
 * now living at that address (1) or only an address or someone who left (0); a replaced version
 * is its signal's. Never the bsn_hash itself.
 */
export async function signalVersions(db: Executor, ids: number[], residentsOf = '') {
  if (ids.length === 0) return [];
  const columns = ['id', 'indicator', 'source', 'record_id', 'observed_on', 'value'] as const;
  const versionResident = sql<number>`case when exists (select 1 from signals s where s.source = signal_versions.source and s.record_id = signal_versions.record_id and s.bsn_hash is not null and s.household_key = ${residentsOf}) then 1 else 0 end`;
  return db
    .selectFrom('signals')
    .select([...columns, sql<number>`case when bsn_hash is not null and household_key = ${residentsOf} then 1 else 0 end`.as('resident')])
    .where('id', 'in', ids)
    .unionAll((eb) =>
      eb
        .selectFrom('signal_versions')
        .select([...columns, versionResident.as('resident')])
        .where('id', 'in', ids),
    )
    .orderBy('observed_on', 'desc')
    .execute();
}
