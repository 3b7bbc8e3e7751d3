import { INDICATOR_CATALOGUE } from '../../../shared/src/index.ts';
import { DEFAULT_RULE_SET, type RuleSetDefinition } from '../../../shared/src/contract.ts';
import type { Db } from '../../../server/src/db/connection.ts';
import { flagsPerIndicator, outcomesPerIndicator, wijkStats } from '../../../server/src/repositories/aggregate-repository.ts';
import { listRuns } from '../../../server/src/repositories/run-repository.ts';
import { Disclosure, minus, roundedReading, sumOf, type Expr } from './disclosure.ts';
import { ACTIVE_SETS, CITY_INDICATORS, flagsUnder, trueCells } from './small-cells-city.ts';

// The relations a beleidsmaker knows between the true counts behind what the API
// showed them for the small-cells city: the unknowns are, for the newest run,
// the gezinshuishoudens per wijk and per set of active indicators (every count
// of that run and of every preview is a sum of those, by the rule-set
// semantics of the data contract), and per wijk, indicator and week counts for
// the older runs, tied by the week identities.

const BIG = 100_000;
const DOMAIN_OF = new Map(INDICATOR_CATALOGUE.map((e) => [e.indicator, e.domain]));

/** The relations an attacker knows, over the unknown true counts. */
class CityModel {
  constructor(
    readonly m: Disclosure,
    private readonly wijken: string[],
  ) {}

  /** Gezinshuishoudens of wijk w whose active indicators on the newest date are ACTIVE_SETS[k]. */
  cell = (w: string, k: number): Expr => this.m.variable(`x|${w}|${k}`);

  /** Households of wijk w (all of them when w is undefined) flagged by def, optionally only those whose flag lists `indicator`. */
  flagged(def: RuleSetDefinition, pick: (k: number, flag: ReturnType<typeof flagsUnder>) => boolean, w?: string): Expr {
    const ws = w === undefined ? this.wijken : [w];
    return sumOf(
      ...ws.flatMap((x) =>
        ACTIVE_SETS.map((a, k) => ({ k, f: flagsUnder(def, a) }))
          .filter(({ k, f }) => pick(k, f))
          .map(({ k }) => this.cell(x, k)),
      ),
    );
  }

  flagsOf = (def: RuleSetDefinition, w?: string) => this.flagged(def, (_, f) => f.flagged, w);
  withIndicator = (def: RuleSetDefinition, i: string) => this.flagged(def, (_, f) => f.flagged && f.indicators.includes(i));
  gezin = (w: string) => sumOf(...ACTIVE_SETS.map((_, k) => this.cell(w, k)));
}

export interface Collected {
  weeks: any[];
  wijken: Map<number, any>;
  indicators: Map<number, any>;
  precision: any[];
  previews: { def: RuleSetDefinition; preview: any }[];
}

/** The model of everything collected; `m` chooses how shown values are read (today's publication unless given). */
export function buildModel(c: Collected, m = new Disclosure(roundedReading)): CityModel {
  const runs = [...c.weeks].sort((a, b) => a.as_of.localeCompare(b.as_of));
  const newest = runs.at(-1)!.run_id;
  const wijkNames = c.wijken.get(newest).wijken.map((w: any) => w.wijk) as string[];
  const city = new CityModel(m, wijkNames);
  const total = (r: number) => sumOf(...wijkNames.map((w) => flagsIn(r, w)));
  const flagsIn = (r: number, w: string) => (r === newest ? city.flagsOf(DEFAULT_RULE_SET, w) : m.variable(`f|${r}|${w}`));
  const gezinIn = (r: number, w: string) => (r === newest ? city.gezin(w) : m.variable(`g|${r}|${w}`));
  const withIndicator = (r: number, i: string): Expr =>
    !(CITY_INDICATORS as readonly string[]).includes(i) ? {} : r === newest ? city.withIndicator(DEFAULT_RULE_SET, i) : m.variable(`i|${r}|${i}`);

  runs.forEach((week, n) => {
    const r = week.run_id;
    const [nw, pers, drop] = [m.variable(`new|${r}`), n === 0 ? {} : m.variable(`pers|${r}`), n === 0 ? {} : m.variable(`drop|${r}`)];
    m.relate(minus(sumOf(nw, pers), total(r)), 0, 0); // flags = new + persisting
    if (n > 0) m.relate(minus(sumOf(pers, drop), total(runs[n - 1]!.run_id)), 0, 0); // previous flags = persisting + dropped
    m.shown(`week ${week.as_of} flags`, total(r), week.flags);
    m.shown(`week ${week.as_of} new`, nw, week.new_flags);
    m.shown(`week ${week.as_of} persisting`, pers, week.persisting_flags);
    m.shown(`week ${week.as_of} dropped`, drop, week.dropped_flags);
    if (r !== newest) {
      // each flag has at least two of the city's indicators (no single weight reaches the threshold) and at most five
      const ind = sumOf(...CITY_INDICATORS.map((i) => withIndicator(r, i)));
      m.relate(minus(ind, sumOf(total(r), total(r))), 0, BIG);
      m.relate(minus(ind, sumOf(...Array(5).fill(total(r)))), -BIG, 0);
      for (const i of CITY_INDICATORS) m.relate(minus(total(r), withIndicator(r, i)), 0, BIG);
      for (const w of wijkNames) m.relate(minus(gezinIn(r, w), flagsIn(r, w)), 0, BIG);
    }

    const wk = c.wijken.get(r);
    m.shown(`wijken ${week.as_of} total flags`, total(r), wk.total_flags);
    m.shown(`wijken ${week.as_of} total gezinshuishoudens`, sumOf(...wijkNames.map((w) => gezinIn(r, w))), wk.total_gezinshuishoudens);
    for (const row of wk.wijken) {
      m.shown(`wijken ${week.as_of} ${row.wijk} flags`, flagsIn(r, row.wijk), row.flags);
      m.shown(`wijken ${week.as_of} ${row.wijk} gezinshuishoudens`, gezinIn(r, row.wijk), row.gezinshuishoudens);
    }
    const ind = c.indicators.get(r);
    m.shown(`indicators ${week.as_of} total`, total(r), ind.total_flags);
    for (const row of ind.indicators) m.shown(`indicators ${week.as_of} ${row.indicator}`, withIndicator(r, row.indicator), row.flags);
    // one city indicator per leefgebied: a domain's flags are its indicator's flags
    for (const row of ind.domains) {
      const own = CITY_INDICATORS.filter((i) => DOMAIN_OF.get(i) === row.domain);
      m.shown(`domains ${week.as_of} ${row.domain}`, sumOf(...own.map((i) => withIndicator(r, i))), row.flags);
    }
  });

  for (const p of c.precision) {
    const occurs = (CITY_INDICATORS as readonly string[]).includes(p.indicator);
    m.shown(`precision ${p.indicator} terecht`, occurs ? m.variable(`t|${p.indicator}`) : {}, p.terecht);
    m.shown(`precision ${p.indicator} niet terecht`, occurs ? m.variable(`n|${p.indicator}`) : {}, p.niet_terecht);
  }

  for (const { def, preview } of c.previews) {
    const cur = DEFAULT_RULE_SET;
    const both = (k: number, inDraft: boolean, inCurrent: boolean) =>
      flagsUnder(def, ACTIVE_SETS[k]!).flagged === inDraft && flagsUnder(cur, ACTIVE_SETS[k]!).flagged === inCurrent;
    const part = (inDraft: boolean, inCurrent: boolean) => city.flagged(def, (k) => both(k, inDraft, inCurrent));
    const label = (what: string) => `preview "${def.name}" ${what}`;
    m.shown(label('total current'), city.flagsOf(cur), preview.totals.current);
    m.shown(label('total draft'), city.flagsOf(def), preview.totals.draft);
    m.shown(label('total entering'), part(true, false), preview.totals.entering);
    m.shown(label('total leaving'), part(false, true), preview.totals.leaving);
    m.shown(label('total staying'), part(true, true), preview.totals.staying);
    for (const row of preview.per_indicator) {
      const occurs = (CITY_INDICATORS as readonly string[]).includes(row.indicator);
      m.shown(label(`${row.indicator} current`), occurs ? city.withIndicator(cur, row.indicator) : {}, row.current);
      m.shown(label(`${row.indicator} draft`), occurs ? city.withIndicator(def, row.indicator) : {}, row.draft);
    }
  }
  return city;
}

/** The true value of every unknown of the model, read from the database and the city generator (never shown to the attacker). */
export async function trueValues(db: Db): Promise<Record<string, number>> {
  const runs = (await listRuns(db)).sort((a, b) => a.as_of.localeCompare(b.as_of));
  const newest = runs.at(-1)!;
  const truth: Record<string, number> = {};
  for (const [w, row] of trueCells(newest.as_of)) {
    for (const [k, n] of row.entries()) truth[`x|${w}|${k}`] = n;
  }
  for (const r of runs) {
    Object.assign(truth, { [`new|${r.id}`]: r.new_flags, [`pers|${r.id}`]: r.persisting_flags, [`drop|${r.id}`]: r.dropped_flags });
    for (const s of await wijkStats(db, r.id)) Object.assign(truth, { [`f|${r.id}|${s.wijk}`]: s.flags, [`g|${r.id}|${s.wijk}`]: s.gezinshuishoudens });
    for (const i of CITY_INDICATORS) truth[`i|${r.id}|${i}`] = (await flagsPerIndicator(db, r.id)).find((p) => p.indicator === i)?.n ?? 0;
  }
  const outcomes = await outcomesPerIndicator(db);
  for (const i of CITY_INDICATORS) {
    truth[`t|${i}`] = outcomes.find((o) => o.indicator === i && o.outcome === 'terecht')?.n ?? 0;
    truth[`n|${i}`] = outcomes.find((o) => o.indicator === i && o.outcome === 'niet_terecht')?.n ?? 0;
  }
  return truth;
}
