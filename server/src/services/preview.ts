import { INDICATORS } from '@vroegsignaal/shared';
import type { PreviewResult } from '@vroegsignaal/shared/api/rule-sets';
import type { Clock } from '../core/clock.ts';
import { localDate } from '../core/dates.ts';
import { sameRules } from '../core/content-hash.ts';
import { publishCount } from '../core/suppression.ts';
import type { Db } from '../db/connection.ts';
import { flagKeysOfRun } from '../repositories/aggregate-repository.ts';
import { definitionOf, findRuleSet } from '../repositories/rule-set-repository.ts';
import { newestRun } from '../repositories/run-repository.ts';
import { insertRun } from '../repositories/scoring-repository.ts';
import { ApiError } from './errors.ts';
import { computeFlags } from './scoring.ts';

// Scores a rule set against the newest data without keeping a run: the engine's
// computeFlags runs inside a transaction that is always rolled back.

class RollBack extends Error {}

interface Flagged {
  household_key: string;
  wijk: string;
  indicators: string;
}

export async function previewRuleSet(db: Db, clock: Clock, timeZone: string, ruleSetId: number, actor: string): Promise<PreviewResult> {
  const started = clock.now();
  const { rs, base, asOf, current, draft } = await previewFlags(db, clock, timeZone, ruleSetId, actor);
  const baseRules = base ? await findRuleSet(db, base.rule_set_id) : undefined;
  return {
    rule_set_id: rs.id, as_of: asOf, compared_run_id: base?.id ?? null,
    same_rules: baseRules !== undefined && sameRules(definitionOf(rs), definitionOf(baseRules)),
    ...compare(current, draft),
    duration_ms: clock.now().getTime() - started.getTime(),
  };
}

/** The flags of the newest run and those the rule set would give on the same data, exactly (not for display). */
export async function previewFlags(db: Db, clock: Clock, timeZone: string, ruleSetId: number, actor: string) {
  const started = clock.now();
  const rs = await findRuleSet(db, ruleSetId);
  if (!rs) throw ApiError.notFound('regelset niet gevonden');
  const base = await newestRun(db);
  const asOf = base?.as_of ?? localDate(started, timeZone);
  const current: Flagged[] = base ? await flagKeysOfRun(db, base.id) : [];
  let draft: Flagged[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const at = started.toISOString();
      const runId = await insertRun(trx, {
        as_of: asOf, rule_set_id: rs.id, previous_run_id: null, started_by: `preview:${actor}`, started_at: at, finished_at: at,
        duration_ms: 0, households: 0, gezinshuishoudens: 0, flags: 0, new_flags: 0, persisting_flags: 0, dropped_flags: 0,
      });
      draft = await computeFlags(trx, runId, asOf, rs);
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return { rs, base, asOf, current, draft };
}

/**
 * Totals and counts per indicator of two flag lists, published as the aggregates
 * are. No breakdown per wijk: a beleidsmaker designs drafts at will, and per wijk
 * the previews of a few dozen drafts pin small cells even when rounded to tens
 * (tests/api/small-cells-attacker.test.ts); city-wide they do not.
 */
export function compare(current: Flagged[], draft: Flagged[]): Pick<PreviewResult, 'totals' | 'per_wijk' | 'per_indicator'> {
  const cur = new Set(current.map((f) => f.household_key));
  const nxt = new Set(draft.map((f) => f.household_key));
  const entering = draft.filter((f) => !cur.has(f.household_key)).length;
  const leaving = current.filter((f) => !nxt.has(f.household_key)).length;
  const withIndicator = (list: Flagged[], i: string) => publishCount(list.filter((f) => f.indicators.split('|').includes(i)).length);
  return {
    totals: {
      current: publishCount(current.length), draft: publishCount(draft.length), entering: publishCount(entering),
      leaving: publishCount(leaving), staying: publishCount(draft.length - entering),
    },
    per_wijk: [],
    per_indicator: INDICATORS.map((indicator) => ({ indicator, current: withIndicator(current, indicator), draft: withIndicator(draft, indicator) })),
  };
}
