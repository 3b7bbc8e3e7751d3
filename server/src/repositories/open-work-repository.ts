import { sql } from 'kysely';
import { DUE } from './deadline-repository.ts';
import { notExcludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// Open cases across runs: the coordinator's workload per wijkteam member, and the cases
// whose household has left the list while still open (they stay on the worklist).

/** Per assignee: open cases, first contacts due in [today, weekEnd], and those overdue. */
export async function workloadPerAssignee(db: Executor, closed: readonly string[], today: string, weekEnd: string) {
  const waiting = sql<boolean>`t.status = 'nieuw'`;
  return db
    .selectFrom('triage as t')
    .leftJoin('triage_deadlines as d', (j) => j.onRef('d.household_key', '=', 't.household_key').onRef('d.episode_run_id', '=', 't.episode_run_id'))
    .leftJoin('scoring_runs as er', 'er.id', 't.episode_run_id')
    .where('t.assigned_to', 'is not', null)
    .where('t.status', 'not in', [...closed])
    .where((eb) => notExcludedOn(eb.ref('t.household_key'), today, eb.ref('t.created_at')))
    .select((eb) => [
      't.assigned_to',
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(sql`case when ${waiting} and ${DUE} >= ${today} and ${DUE} <= ${weekEnd} then 1 else 0 end`).as('due_this_week'),
      eb.fn.sum<number>(sql`case when ${waiting} and ${DUE} < ${today} then 1 else 0 end`).as('overdue'),
    ])
    .groupBy('t.assigned_to')
    .execute();
}

/**
 * The run where the current flag (`cur`, of run runs[0]) entered the list: runs[w-1] for
 * weeks_on_list w (as flag-list-repository's episodeCase; the oldest known run beyond).
 */
function currentEpisode(runs: number[]) {
  if (!runs.length) return sql<number | null>`null`;
  const whens = runs.map((id, i) => sql`when ${sql.lit(i + 1)} then ${sql.lit(id)}`);
  return sql<number>`case cur.weeks_on_list ${sql.join(whens, sql` `)} else ${sql.lit(runs[runs.length - 1]!)} end`;
}

/**
 * Whether run `run` started before the people living at the case's address (`t`) now came:
 * there are some, and none of them lived there then. The family page's rule (services/residents.ts).
 */
const predatesResidents = (run: string) => sql<boolean>`(exists (select 1 from residences rz0 where rz0.address_key = t.household_key and rz0.until is null)
  and not exists (select 1 from residences rz where rz.address_key = t.household_key and rz.until is null
    and (rz.since is null or rz.since <= ${sql.ref(`${run}.started_at`)})))`;

/**
 * Open cases that are not the case of the household's flag on the list of `runs[0]`: the
 * household left the list, or it is back on it with a new case (a new family, or after a
 * week off the list). Each comes with its own newest flag (before the current case began),
 * the way to it. A household excluded on `today` (restriction, objection) is left out, as on
 * every list.
 */
export async function openOffList(db: Executor, runs: number[], closed: readonly string[], wijken: string[] | undefined, today: string) {
  const episode = currentEpisode(runs);
  // The household's flag on the list when it is another case's: when that case began.
  const current = sql`(select es.as_of from flags cur join scoring_runs es on es.id = ${episode}
    where cur.household_key = t.household_key and cur.run_id = ${runs[0] ?? null} and ${episode} <> t.episode_run_id)`;
  // The case's newest flag: the household's, from before the current case began (if there is one).
  const caseFlag = <T>(column: string) =>
    sql<T | null>`(select ${sql.ref(column)} from flags f join scoring_runs r on r.id = f.run_id
      where f.household_key = t.household_key and r.as_of < coalesce(${current}, '9999-12-31')
      order by r.as_of desc, f.id desc limit 1)`;
  return (
    db
      .selectFrom('triage as t')
      .leftJoin('triage_deadlines as d', (j) => j.onRef('d.household_key', '=', 't.household_key').onRef('d.episode_run_id', '=', 't.episode_run_id'))
      .leftJoin('scoring_runs as er', 'er.id', 't.episode_run_id')
      .where('t.status', 'not in', [...closed])
      // Not the case of a flag on the list, unless that flag is an earlier family's.
      .where(sql<boolean>`not exists (select 1 from flags cur join scoring_runs cr on cr.id = cur.run_id
      where cur.household_key = t.household_key and cur.run_id = ${runs[0] ?? null} and ${episode} = t.episode_run_id and not ${predatesResidents('cr')})`)
      .where((eb) => notExcludedOn(eb.ref('t.household_key'), today, eb.ref('t.created_at')))
      .$if(wijken !== undefined, (q) => (wijken!.length ? q.where('t.wijk', 'in', wijken!) : q.where(sql<boolean>`1 = 0`)))
      .select([
        't.household_key',
        't.wijk',
        't.status',
        't.assigned_to',
        't.review_on',
        DUE.as('first_contact_due'),
        caseFlag<number>('f.id').as('flag_id'),
        caseFlag<number>('f.run_id').as('flag_run_id'),
        caseFlag<string>('r.as_of').as('last_on_list'),
      ])
      .orderBy('t.household_key')
      .execute()
  );
}
