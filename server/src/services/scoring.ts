import { adultCutoff } from '../core/dates.ts';
import { explain, runRules } from '../core/explain.ts';
import { toMicro } from '../core/score.ts';
import { definitionOf, newestPublished, type RuleSetRow } from '../repositories/rule-set-repository.ts';
import {
  allFamilies, finishRun, flagCandidates, insertFlags, insertRun, insertRunRules, insertWijkStats, previousRun, qualifyingSignals,
  weeksOnList, wijkComposition, type FlagCandidate, type FlagToStore, type QualifyingSignal,
} from '../repositories/scoring-repository.ts';
import type { Executor } from '../repositories/types.ts';
import type { EngineContext } from './context.ts';

export class NoPublishedRuleSet extends Error {
  override name = 'NoPublishedRuleSet';
  constructor() {
    super('there is no published rule set; import one with `rules import FILE --publish`');
  }
}

export interface ScoringResult {
  runId: number;
  flags: number;
  newFlags: number;
  persisting: number;
  dropped: number;
  ruleSetId: number;
}

/** Scores every household as of a date with the newest published rule set, in one transaction. */
export async function scoreAsOf(ctx: EngineContext, asOf: string, ruleSet?: RuleSetRow): Promise<ScoringResult> {
  const started = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rs = ruleSet ?? (await newestPublished(trx));
    if (!rs) throw new NoPublishedRuleSet();
    const runId = await insertRun(trx, {
      as_of: asOf, rule_set_id: rs.id, previous_run_id: null, started_by: ctx.actor, started_at: started.toISOString(),
      finished_at: started.toISOString(), duration_ms: 0, households: 0, gezinshuishoudens: 0, flags: 0, new_flags: 0,
      persisting_flags: 0, dropped_flags: 0,
    });
    const flags = await computeFlags(trx, runId, asOf, rs);
    const previous = await previousRun(trx, asOf, runId);
    const earlier = previous ? await weeksOnList(trx, previous.id, flags.map((f) => f.household_key)) : new Map<string, number>();
    for (const f of flags) {
      const weeks = earlier.get(f.household_key);
      f.is_new = weeks === undefined ? 1 : 0;
      f.weeks_on_list = (weeks ?? 0) + 1;
    }
    await insertFlags(trx, runId, flags);
    const composition = await wijkComposition(trx, asOf, adultCutoff(asOf));
    const perWijk = countBy(flags.map((f) => f.wijk));
    await insertWijkStats(trx, runId, composition.map((c) => ({ ...c, flags: perWijk.get(c.wijk) ?? 0 })));
    const persisting = flags.filter((f) => !f.is_new).length;
    const dropped = previous ? previous.flags - persisting : 0;
    const finished = ctx.clock.now();
    await finishRun(trx, runId, {
      previous_run_id: previous?.id ?? null, finished_at: finished.toISOString(), duration_ms: finished.getTime() - started.getTime(),
      households: sum(composition.map((c) => c.households)), gezinshuishoudens: sum(composition.map((c) => c.gezinshuishoudens)),
      flags: flags.length, new_flags: flags.length - persisting, persisting_flags: persisting, dropped_flags: dropped,
    });
    return { runId, flags: flags.length, newFlags: flags.length - persisting, persisting, dropped, ruleSetId: rs.id };
  });
}

/**
 * The flags of a rule set as of a date, with their explanation. The run's rule
 * parameters are written under `runId` first; a preview does this inside a
 * transaction it rolls back.
 */
export async function computeFlags(trx: Executor, runId: number, asOf: string, rs: RuleSetRow): Promise<FlagToStore[]> {
  const def = definitionOf(rs);
  const rules = runRules(def, asOf);
  await insertRunRules(trx, rules.map((r) => ({ ...r, run_id: runId })));
  const thresholdMicro = toMicro(def.flag_threshold);
  const candidates = await flagCandidates(trx, { runId, asOf, adultCutoff: adultCutoff(asOf), thresholdMicro, minDomains: def.min_domains });
  if (thresholdMicro <= 0) candidates.push(...(await familiesWithoutScore(trx, asOf, candidates)));
  const qualifying = groupByHousehold(await qualifyingSignals(trx, runId, candidates.map((c) => c.household_key)));
  return candidates.map((c) => {
    const why = explain(rules, qualifying.get(c.household_key) ?? []);
    return { ...c, indicators: why.indicators, rules: why.rules, evidence: why.evidence, is_new: 1, weeks_on_list: 1 };
  });
}

/** With flag_threshold ≤ 0 a score of 0 meets it: families without an active rule are flagged too. */
async function familiesWithoutScore(trx: Executor, asOf: string, scored: FlagCandidate[]): Promise<FlagCandidate[]> {
  const known = new Set(scored.map((c) => c.household_key));
  return (await allFamilies(trx, asOf, adultCutoff(asOf))).filter((f) => !known.has(f.household_key));
}

function groupByHousehold(rows: QualifyingSignal[]): Map<string, QualifyingSignal[]> {
  const map = new Map<string, QualifyingSignal[]>();
  for (const r of rows) {
    const list = map.get(r.household_key);
    if (list) list.push(r);
    else map.set(r.household_key, [r]);
  }
  return map;
}

function countBy(values: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
