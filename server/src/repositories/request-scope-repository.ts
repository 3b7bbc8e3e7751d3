import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Executor } from './types.ts';

// What an access request covers: the residences linked to it at registration, read at every
// read. Each is a period (address, since, until) of instants; `until` null is "still there",
// so a later move closes the period and later occupants' data stays out. Instants (audit
// entries, triage events, a flag's run start) compare with instants. A signal's observed_on is
// a date: an address-only signal belongs to a period when observed from the UTC date of its
// `since` up to, not including, the UTC date of its `until`, so the move day is the newcomers'.
// A signal naming the request's own person is theirs whenever observed; one naming anyone
// else only while that person lived there together with the request's person (see inScope).

export interface Period {
  address_key: string;
  since: string | null;
  until: string | null;
}

/** The UTC date of an instant: the day a move counts from for dated signals. */
export const dayOf = (instant: string) => instant.slice(0, 10);

/** Links the residences matching `filter` to the request. */
async function linkResidences(db: Executor, requestId: number, filter: (eb: ExpressionBuilder<Database, 'residences'>) => Expression<SqlBool>): Promise<void> {
  await db
    .insertInto('access_request_residences')
    .columns(['request_id', 'residence_id'])
    .expression(
      db
        .selectFrom('residences')
        .select([sql.lit(requestId).as('request_id'), 'id'])
        .where(filter),
    )
    .execute();
}

/** Links every residence of a person, open or closed, to the request. */
export const linkResidencesOfPerson = (db: Executor, requestId: number, bsnHash: string): Promise<void> =>
  linkResidences(db, requestId, (eb) => eb('bsn_hash', '=', bsnHash));

/** Links the open residences at an address (its residents now) to the request. */
export const linkOpenResidencesAt = (db: Executor, requestId: number, key: string): Promise<void> =>
  linkResidences(db, requestId, (eb) => eb.and([eb('address_key', '=', key), eb('until', 'is', null)]));

/** The open residences of a person (by hash) or at an address, `since` each: a request's scope start. */
export async function openResidenceStarts(db: Executor, by: { bsnHash: string } | { key: string }): Promise<(string | null)[]> {
  let query = db.selectFrom('residences').select('since').where('until', 'is', null);
  query = 'bsnHash' in by ? query.where('bsn_hash', '=', by.bsnHash) : query.where('address_key', '=', by.key);
  return (await query.execute()).map((r) => r.since);
}

/** The periods a request covers, with the person of each (never shown: it finds their exclusions). */
export async function periodsOf(db: Executor, requestId: number) {
  return db
    .selectFrom('access_request_residences as ar')
    .innerJoin('residences as r', 'r.id', 'ar.residence_id')
    .select(['r.address_key', 'r.since', 'r.until', 'r.bsn_hash'])
    .where('ar.request_id', '=', requestId)
    .orderBy('r.id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: one helper for the columns of several tables, named as strings
type Eb = ExpressionBuilder<any, any>;

/** `column` (an instant, or a date with `day`) lies in [since, until). */
export function within(eb: Eb, column: Expression<string | null> | string, p: Period, day = false): Expression<SqlBool> {
  const from = p.since === null ? null : day ? dayOf(p.since) : p.since;
  const to = p.until === null ? null : day ? dayOf(p.until) : p.until;
  const ref = typeof column === 'string' ? eb.ref(column) : column;
  return eb.and([...(from === null ? [] : [eb(ref, '>=', from)]), ...(to === null ? [] : [eb(ref, '<', to)])]);
}

/** At one of the periods' addresses (`keyColumn`) while `column` lies in that period. */
export function inPeriods(eb: Eb, periods: Period[], keyColumn: string, column: Expression<string | null> | string, day = false): Expression<SqlBool> {
  if (!periods.length) return sql<SqlBool>`1 = 0`;
  return eb.or(periods.map((p) => eb.and([eb(eb.ref(keyColumn), '=', p.address_key), within(eb, column, p, day)])));
}

/** A request's scope: its periods, and the persons whose named signals are theirs whenever observed (by BSN: the person). */
export interface Scope {
  periods: Period[];
  own: string[];
}

interface SignalColumns {
  bsn: string;
  key: string;
  day: string;
}

const dayRef = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

/**
 * A signal in the scope: naming one of `own` (any date); naming anyone else, observed while
 * they lived at a period's address together with the request's person (the overlap of the two
 * stays, by the move-day rule); about the address only, observed in a period.
 */
export function inScope(eb: Eb, scope: Scope, c: SignalColumns): Expression<SqlBool> {
  if (!scope.periods.length) return sql<SqlBool>`1 = 0`;
  const together = eb.exists(
    eb
      .selectFrom('residences as co')
      .select('co.id')
      .where('co.bsn_hash', '=', eb.ref(c.bsn))
      .where((inner: Eb) =>
        inner.or(
          scope.periods.map((p) =>
            inner.and([
              inner('co.address_key', '=', p.address_key),
              inner.or([inner('co.since', 'is', null), inner(inner.ref(c.day), '>=', dayRef('co.since'))]),
              inner.or([inner('co.until', 'is', null), inner(inner.ref(c.day), '<', dayRef('co.until'))]),
              within(inner, c.day, p, true),
            ]),
          ),
        ),
      ),
  );
  // The persons who ever lived at a period's address, found once: only their signals are
  // checked for living together (a correlated check on every signal took minutes).
  const residents = eb
    .selectFrom('residences as r')
    .select('r.bsn_hash')
    .where('r.address_key', 'in', [...new Set(scope.periods.map((p) => p.address_key))]);
  return eb.or([
    ...(scope.own.length ? [eb(eb.ref(c.bsn), 'in', scope.own)] : []),
    eb.and([eb(eb.ref(c.bsn), 'in', residents), together]),
    eb.and([eb(eb.ref(c.bsn), 'is', null), inPeriods(eb, scope.periods, c.key, c.day, true)]),
  ]);
}

const SIGNAL_COLUMNS = ['s.id', 's.source', 's.record_id', 's.indicator', 's.observed_on', 's.value'] as const;
const CURRENT = { bsn: 's.bsn_hash', key: 's.address_key', day: 's.observed_on' };

/** The signals in a request's scope (see inScope). */
export async function signalsInScope(db: Executor, scope: Scope) {
  if (!scope.periods.length) return [];
  return db
    .selectFrom('signals as s')
    .select(SIGNAL_COLUMNS)
    .where((eb) => inScope(eb, scope, CURRENT))
    .orderBy('s.observed_on', 'desc')
    .orderBy('s.id')
    .execute();
}

/**
 * Of these signal ids (a flag's evidence; current or replaced versions), those outside the
 * scope. Ids retention deleted are in neither answer.
 */
export async function evidenceOutside(db: Executor, ids: number[], scope: Scope): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const versions = () =>
    db
      .selectFrom('signal_versions as v')
      .innerJoin('signals as cur', (j) => j.onRef('cur.source', '=', 'v.source').onRef('cur.record_id', '=', 'v.record_id'))
      .select('v.id')
      .where('v.id', 'in', ids);
  const current = () => db.selectFrom('signals as s').select('s.id').where('s.id', 'in', ids);
  const [all, inside] = await Promise.all([
    current().unionAll(versions()).execute(),
    current()
      .where((eb) => inScope(eb, scope, CURRENT))
      .unionAll(versions().where((eb) => inScope(eb, scope, { bsn: 'cur.bsn_hash', key: 'cur.address_key', day: 'v.observed_on' })))
      .execute(),
  ]);
  const kept = new Set(inside.map((r) => Number(r.id)));
  return new Set(all.map((r) => Number(r.id)).filter((id) => !kept.has(id)));
}

/** Of these signals, how many name a person who lives nowhere now (no open residence): they count in no calculation. */
export async function unlinkedAmong(db: Executor, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const row = await db
    .selectFrom('signals as s')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('s.id', 'in', ids)
    .where('s.bsn_hash', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('residences as r').select('r.id').whereRef('r.bsn_hash', '=', 's.bsn_hash').where('r.until', 'is', null))),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The flags of runs that started in a period, at its address. */
export async function flagsInPeriods(db: Executor, periods: Period[]) {
  if (!periods.length) return [];
  return db
    .selectFrom('flags as f')
    .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
    .innerJoin('rule_sets as rs', 'rs.id', 'r.rule_set_id')
    .select(['f.id', 'f.run_id', 'r.as_of', 'f.score_micro', 'f.evidence', 'rs.name as rule_set_name', 'rs.version as rule_set_version', 'rs.flag_threshold'])
    .where((eb) => inPeriods(eb, periods, 'f.household_key', 'r.started_at'))
    .orderBy('r.as_of', 'desc')
    .orderBy('f.run_id', 'desc')
    .execute();
}

/** The triage steps recorded in a period at its address. */
export async function triageInPeriods(db: Executor, periods: Period[]) {
  if (!periods.length) return { events: [] };
  const events = await db
    .selectFrom('triage_events as e')
    .innerJoin('triage as t', 't.id', 'e.triage_id')
    .select(['e.id', 'e.triage_id', 'e.at', 'e.by_user', 'e.by_role', 'e.kind', 'e.from_status', 'e.to_status', 'e.outcome', 'e.note'])
    .where((eb) => inPeriods(eb, periods, 't.household_key', 'e.at'))
    .orderBy('e.id')
    .execute();
  return { events };
}

/** Audit object types whose detail lists the address keys shown (`huishoudens`/`adressen`: [...]). */
export const LIST_OBJECT_TYPES = ['run', 'meeting', 'export', 'worklist'] as const;

const quoted = (key: string) => `%${JSON.stringify(key).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Audit entries, in a period, about its household, and any about the request's flags, with
 * the viewer's team (their wijken as a JSON array) but never their username.
 */
export async function viewsInPeriods(db: Executor, periods: Period[], flagIds: number[]) {
  if (!periods.length) return [];
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.username', 'audit_log.username')
    .select(['audit_log.at as at', 'audit_log.role as role', 'audit_log.event as event', 'users.wijken as wijken'])
    .where('outcome', '=', 'success')
    .where((eb) =>
      eb.or([
        eb.and([eb('object_type', '=', 'household'), inPeriods(eb, periods, 'object_id', 'audit_log.at')]),
        ...(flagIds.length ? [eb.and([eb('object_type', '=', 'flag'), eb('object_id', 'in', flagIds.map(String))])] : []),
      ]),
    )
    .orderBy('audit_log.at', 'desc')
    .limit(500)
    .execute();
}

/**
 * Audit entries of lists (week list, search, CSV export, zorgnetwerk agenda, off-list
 * worklist) that showed a period's household during it: their detail holds its address key
 * in quotes. A rare query (one per access request); it scans only these object types' entries.
 */
export async function listViewsInPeriods(db: Executor, periods: Period[]) {
  if (!periods.length) return [];
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.username', 'audit_log.username')
    .select(['audit_log.at as at', 'audit_log.role as role', 'audit_log.object_type as object_type', 'users.wijken as wijken'])
    .where('outcome', '=', 'success')
    .where('object_type', 'in', [...LIST_OBJECT_TYPES])
    .where((eb) => eb.or(periods.map((p) => eb.and([sql<boolean>`audit_log.detail like ${quoted(p.address_key)} escape '\\'`, within(eb, 'audit_log.at', p)]))))
    .orderBy('audit_log.at', 'desc')
    .limit(500)
    .execute();
}
