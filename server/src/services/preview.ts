import { INDICATORS } from '@vroegsignaal/shared';
import type { PreviewResult } from '@vroegsignaal/shared/api/rule-sets';
import type { Clock } from '../core/clock.ts';
import { localDate } from '../core/dates.ts';
import { sameRules } from '../core/content-hash.ts';
import { publishCount } from '../core/suppression.ts';
import type { Db } from '../db/connection.ts';
import { flagKeysOfRun } from '../repositories/aggregate-repository.ts';
import { definitionOf, findRuleSet, newestPublished, type RuleSetRow } from '../repositories/rule-set-repository.ts';
import { newestRun } from '../repositories/run-repository.ts';
import { insertRun } from '../repositories/scoring-repository.ts';
import { ApiError } from './errors.ts';
import { computeFlags } from './scoring.ts';

// Scores a draft against the newest data without keeping a run, and compares it with
// the rule set in use on the same data: the engine's computeFlags runs inside a
// transaction that is always rolled back.

class RollBack extends Error {}

interface Flagged {
  household_key: string;
  wijk: string;
  indicators: string;
}

export async function previewRuleSet(db: Db, clock: Clock, timeZone: string, ruleSetId: number, actor: string): Promise<PreviewResult> {
  const started = clock.now();
  const { rs, active, base, asOf, current, draft } = await previewFlags(db, clock, timeZone, ruleSetId, actor);
  return {
    rule_set_id: rs.id,
    as_of: asOf,
    compared_run_id: base?.id ?? null,
    same_rules: active !== undefined && sameRules(definitionOf(rs), definitionOf(active)),
    ...compare(current, draft),
    duration_ms: clock.now().getTime() - started.getTime(),
  };
}

/**
 * On the newest run's data, the flags of the rule set in use (the newest published) and
 * those the draft would give, exactly (not for display). The run's own flags serve as
 * "current" only when it used the rule set in use: after a publication and before the
 * next run they are another set's flags.
 */
export async function previewFlags(db: Db, clock: Clock, timeZone: string, ruleSetId: number, actor: string) {
  const started = clock.now();
  const rs = await findRuleSet(db, ruleSetId);
  if (!rs) throw ApiError.notFound('regelset niet gevonden');
  const [base, active] = await Promise.all([newestRun(db), newestPublished(db)]);
  const asOf = base?.as_of ?? localDate(started, timeZone);
  const runOfActive = base !== undefined && active !== undefined && base.rule_set_id === active.id;
  const toScore = runOfActive || !active ? [rs] : [rs, active];
  const [draft = [], scoredCurrent = []] = await scoreRolledBack(db, started, asOf, actor, toScore);
  const current: Flagged[] = runOfActive ? await flagKeysOfRun(db, base.id) : scoredCurrent;
  return { rs, active, base, asOf, current, draft };
}

/** Each rule set's flags on `asOf`, computed by the engine in one transaction that is always rolled back. */
async function scoreRolledBack(db: Db, started: Date, asOf: string, actor: string, ruleSets: RuleSetRow[]): Promise<Flagged[][]> {
  const results: Flagged[][] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const at = started.toISOString();
      for (const rs of ruleSets) {
        const runId = await insertRun(trx, {
          as_of: asOf,
          rule_set_id: rs.id,
          previous_run_id: null,
          started_by: `preview:${actor}`,
          started_at: at,
          finished_at: at,
          duration_ms: 0,
          households: 0,
          gezinshuishoudens: 0,
          flags: 0,
          new_flags: 0,
          persisting_flags: 0,
          dropped_flags: 0,
        });
        results.push(await computeFlags(trx, runId, asOf, rs));
      }
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return results;
}

/**
 * Totals and counts per indicator of two flag lists, published as the aggregates
 * are. No breakdown per wijk: a beleidsmaker designs drafts at will, and per wijk
 * the previews of a few dozen drafts pin small cells even when rounded to tens
 * (tests/api/small-cells-attacker.test.ts); city-wide they do not.
 */
export function compare(current: Flagged[], draft: Flagged[]): Pick<PreviewResult, 'totals' | 'per_indicator'> {
  const cur = new Set(current.map((f) => f.household_key));
  const nxt = new Set(draft.map((f) => f.household_key));
  const entering = draft.filter((f) => !cur.has(f.household_key)).length;
  const leaving = current.filter((f) => !nxt.has(f.household_key)).length;
  const withIndicator = (list: Flagged[], i: string) => publishCount(list.filter((f) => f.indicators.split('|').includes(i)).length);
  return {
    totals: {
      current: publishCount(current.length),
      draft: publishCount(draft.length),
      entering: publishCount(entering),
      leaving: publishCount(leaving),
      staying: publishCount(draft.length - entering),
    },
    per_indicator: INDICATORS.map((indicator) => ({ indicator, current: withIndicator(current, indicator), draft: withIndicator(draft, indicator) })),
  };
}
