import { withRegistryLock } from '../db/registry-lock.ts';
import { adultCutoff } from '../core/dates.ts';
import { runRules } from '../core/run-rules.ts';
import { toMicro } from '../core/score.ts';
import { definitionOf, newestPublished, type RuleSetRow } from '../repositories/rule-set-repository.ts';
import { storeFlags } from '../repositories/flag-store.ts';
import { setEpisodeDeadlines } from './deadlines.ts';
import {
  allFamilies,
  finishRun,
  flagCandidates,
  flagsPerWijk,
  insertRun,
  insertRunRules,
  insertWijkStats,
  previousRun,
  type CandidateParams,
  type FlagCandidate,
} from '../repositories/scoring-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { applyExclusions, excludedHouseholdKeys, hasActiveMarks } from '../repositories/rights-repository.ts';
import type { EngineContext } from './context.ts';
import { notifyDigest } from './notifications.ts';

export class NoPublishedRuleSet extends Error {
  override name = 'NoPublishedRuleSet';
  constructor() {
    super('er is nog geen gepubliceerde regelset; importeer er een met `rules import BESTAND --publish`');
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

/**
 * Scores every household as of a date with the newest published rule set, in one
 * transaction: the flags, their explanation and the wijk statistics are computed
 * and stored by the database (see storeFlags), so memory stays flat at any size.
 */
export async function scoreAsOf(ctx: EngineContext, asOf: string, ruleSet?: RuleSetRow): Promise<ScoringResult> {
  return withRegistryLock(ctx.db, (db) => scoreLocked({ ...ctx, db }, asOf, ruleSet));
}

async function scoreLocked(ctx: EngineContext, asOf: string, ruleSet?: RuleSetRow): Promise<ScoringResult> {
  const started = ctx.clock.now(); // after the lock: every registry import that started before it is committed
  // Repeatable read: every statement of the run, and the connections that import
  // its snapshot (PostgreSQL), see one state of the data; a run only inserts, so
  // it cannot conflict. SQLite holds the write lock instead.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rs = ruleSet ?? (await newestPublished(trx));
      if (!rs) throw new NoPublishedRuleSet();
      const runId = await insertRun(trx, {
        as_of: asOf,
        rule_set_id: rs.id,
        previous_run_id: null,
        started_by: ctx.actor,
        started_at: started.toISOString(),
        finished_at: started.toISOString(),
        duration_ms: 0,
        households: 0,
        gezinshuishoudens: 0,
        flags: 0,
        new_flags: 0,
        persisting_flags: 0,
        dropped_flags: 0,
      });
      const params = await prepareRun(trx, runId, asOf, rs);
      const previous = await previousRun(trx, asOf, runId);
      const composition = await storeFlags(trx, { ...params, previousRunId: previous?.id ?? null, allFamilies: params.thresholdMicro <= 0 });
      const excluded = await applyExclusions(trx, runId, asOf);
      await setEpisodeDeadlines(trx, runId, asOf, ctx.deadlines);
      const perWijk = await flagsPerWijk(trx, runId);
      const flagsIn = new Map(perWijk.map((w) => [w.wijk, w.flags]));
      await insertWijkStats(
        trx,
        runId,
        composition.map((c) => ({ ...c, flags: flagsIn.get(c.wijk) ?? 0 })),
      );
      const flags = sum(perWijk.map((w) => w.flags));
      const persisting = sum(perWijk.map((w) => w.persisting));
      const dropped = previous ? previous.flags - persisting : 0;
      const finished = ctx.clock.now();
      await finishRun(trx, runId, {
        previous_run_id: previous?.id ?? null,
        finished_at: finished.toISOString(),
        duration_ms: finished.getTime() - started.getTime(),
        households: sum(composition.map((c) => c.households)),
        gezinshuishoudens: sum(composition.map((c) => c.gezinshuishoudens)),
        flags,
        new_flags: flags - persisting,
        persisting_flags: persisting,
        dropped_flags: dropped,
        excluded_households: excluded,
      });
      await notifyDigest(trx, runId, { op_lijst: flags, nieuw: flags - persisting, asOf }, finished.toISOString());
      return { runId, flags, newFlags: flags - persisting, persisting, dropped, ruleSetId: rs.id };
    });
}

/** Writes the run's rules with their windows resolved; returns the parameters of its flag condition. */
async function prepareRun(trx: Executor, runId: number, asOf: string, rs: RuleSetRow): Promise<CandidateParams> {
  const def = definitionOf(rs);
  const rules = runRules(def, asOf);
  await insertRunRules(
    trx,
    rules.map((r) => ({ ...r, run_id: runId })),
  );
  return {
    runId,
    rules,
    asOf,
    adultCutoff: adultCutoff(asOf),
    thresholdMicro: toMicro(def.flag_threshold),
    minDomains: def.min_domains,
    excludeMarked: await hasActiveMarks(trx),
  };
}

/**
 * The households a rule set flags as of a date, with their active indicators,
 * without storing flags (the preview). The run's rules are written under `runId`
 * first; the preview does this inside a transaction it rolls back.
 */
export async function computeFlags(trx: Executor, runId: number, asOf: string, rs: RuleSetRow): Promise<FlagCandidate[]> {
  const params = await prepareRun(trx, runId, asOf, rs);
  const excluded = await excludedHouseholdKeys(trx, asOf);
  const candidates = (await flagCandidates(trx, params)).filter((c) => !excluded.has(c.household_key));
  if (params.thresholdMicro > 0) return candidates;
  const known = new Set(candidates.map((c) => c.household_key));
  return [...candidates, ...(await allFamilies(trx, asOf, params.adultCutoff)).filter((f) => !known.has(f.household_key) && !excluded.has(f.household_key))];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
