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

/** Whether run `run` started before everyone living at the case's address (`t`) now came there. */
const predates = (run: string) => sql<boolean>`not exists (select 1 from residences rz where rz.address_key = t.household_key and rz.until is null
    and (rz.since is null or rz.since <= ${sql.ref(`${run}.started_at`)}))`;

/**
 * Whether the case (`t`, its episode's run `er`) is an earlier family's: its address has
 * residents, all of whom came after the episode began. The same rule as the scoring run's
 * (flag-store.ts, sameResidents) and the family page's (services/residents.ts).
 */
const EARLIER_FAMILY = sql<boolean>`(exists (select 1 from residences rz0 where rz0.address_key = t.household_key and rz0.until is null) and ${predates('er')})`;

/**
 * Open cases whose household is not on the list of `runId`, or whose family no longer lives
 * there (its case cannot continue on the newcomers' page): with the household's newest flag,
 * or for an earlier family the flag its episode began with. A household excluded on `today`
 * (restriction, objection) is left out, as on every list.
 */
export async function openOffList(db: Executor, runId: number, closed: readonly string[], wijken: string[] | undefined, today: string) {
  return db
    .selectFrom('triage as t')
    .leftJoin('triage_deadlines as d', (j) => j.onRef('d.household_key', '=', 't.household_key').onRef('d.episode_run_id', '=', 't.episode_run_id'))
    .leftJoin('scoring_runs as er', 'er.id', 't.episode_run_id')
    .where('t.status', 'not in', [...closed])
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('flags as cur').select('cur.id').whereRef('cur.household_key', '=', 't.household_key').where('cur.run_id', '=', runId))),
        EARLIER_FAMILY,
      ]),
    )
    .where((eb) => notExcludedOn(eb.ref('t.household_key'), today, eb.ref('t.created_at')))
    .$if(wijken !== undefined, (q) => (wijken!.length ? q.where('t.wijk', 'in', wijken!) : q.where(sql<boolean>`1 = 0`)))
    .select((eb) => [
      't.household_key',
      't.wijk',
      't.status',
      't.assigned_to',
      't.review_on',
      DUE.as('first_contact_due'),
      EARLIER_FAMILY.as('residents_changed'),
      eb
        .selectFrom('flags as f')
        .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
        .select('f.id')
        .whereRef('f.household_key', '=', 't.household_key')
        .where((w) => w.or([w.not(EARLIER_FAMILY), predates('r')]))
        .orderBy('r.as_of', 'desc')
        .orderBy('f.id', 'desc')
        .limit(1)
        .as('flag_id'),
      eb
        .selectFrom('flags as f')
        .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
        .select('r.as_of')
        .whereRef('f.household_key', '=', 't.household_key')
        .where((w) => w.or([w.not(EARLIER_FAMILY), predates('r')]))
        .orderBy('r.as_of', 'desc')
        .limit(1)
        .as('last_on_list'),
    ])
    .orderBy('t.household_key')
    .execute();
}
