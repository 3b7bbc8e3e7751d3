import { INDICATOR_CATALOGUE, DOMAINS } from '@vroegsignaal/shared';
import type { IndicatorsAggregate, PrecisionAggregate, WeekAggregate, WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { publishCount, shownNumber as num } from '../core/suppression.ts';
import type { Db } from '../db/connection.ts';
import { flagsPerDomain, flagsPerIndicator, outcomesPerIndicator, wijkStats } from '../repositories/aggregate-repository.ts';
import { findRun, listRuns, newestRun } from '../repositories/run-repository.ts';
import { ApiError } from './errors.ts';

// Aggregates for beleidsmakers. Every count is published through publishCount
// (below 5 hidden, the rest rounded to tens); a ratio is computed from the
// published numbers only, so it tells nothing they do not.

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function weeks(db: Db, from?: string, to?: string): Promise<WeekAggregate[]> {
  const runs = (await listRuns(db)).filter((r) => (!from || r.as_of >= from) && (!to || r.as_of <= to)).reverse();
  return runs.map((r) => ({
    run_id: r.id,
    as_of: r.as_of,
    rule_set_version: r.rule_set_version,
    flags: publishCount(r.flags),
    new_flags: publishCount(r.new_flags),
    persisting_flags: publishCount(r.persisting_flags),
    dropped_flags: publishCount(r.dropped_flags),
  }));
}

async function runOrNewest(db: Db, runId?: number) {
  const run = runId === undefined ? await newestRun(db) : await findRun(db, runId);
  if (!run) throw ApiError.notFound(runId === undefined ? 'er is nog geen scoringsronde' : 'scoringsronde niet gevonden');
  return run;
}

export async function wijken(db: Db, runId?: number): Promise<WijkenAggregate> {
  const run = await runOrNewest(db, runId);
  const stats = await wijkStats(db, run.id);
  const sum = (key: 'flags' | 'gezinshuishoudens') => publishCount(stats.reduce((a, s) => a + s[key], 0));
  const [totalF, totalG] = [sum('flags'), sum('gezinshuishoudens')];
  const [totalFlags, totalGezin] = [num(totalF), num(totalG)];
  return {
    run_id: run.id,
    as_of: run.as_of,
    total_flags: totalF,
    total_gezinshuishoudens: totalG,
    wijken: stats.map((s) => {
      const [flags, gezinshuishoudens] = [publishCount(s.flags), publishCount(s.gezinshuishoudens)];
      const [f, g] = [num(flags), num(gezinshuishoudens)];
      const shareF = f !== null && totalFlags ? f / totalFlags : null;
      const shareG = g !== null && totalGezin ? g / totalGezin : null;
      return {
        wijk: s.wijk,
        flags,
        gezinshuishoudens,
        flag_rate: f !== null && g ? round((100 * f) / g, 2) : null,
        share_of_flags: shareF === null ? null : round(shareF),
        share_of_gezinshuishoudens: shareG === null ? null : round(shareG),
        over_representation: shareF !== null && shareG ? round(shareF / shareG, 2) : null,
      };
    }),
  };
}

export async function indicators(db: Db, runId?: number): Promise<IndicatorsAggregate> {
  const run = await runOrNewest(db, runId);
  const [perIndicator, perDomain] = await Promise.all([flagsPerIndicator(db, run.id), flagsPerDomain(db, run.id)]);
  return {
    run_id: run.id,
    as_of: run.as_of,
    total_flags: publishCount(run.flags),
    indicators: INDICATOR_CATALOGUE.map((e) => ({
      indicator: e.indicator,
      domain: e.domain,
      flags: publishCount(perIndicator.find((p) => p.indicator === e.indicator)?.n ?? 0),
    })),
    domains: DOMAINS.map((d) => ({ domain: d, flags: publishCount(perDomain.find((p) => p.domain === d)?.n ?? 0) })),
  };
}

export async function precision(db: Db): Promise<PrecisionAggregate> {
  const rows = await outcomesPerIndicator(db);
  return INDICATOR_CATALOGUE.map((e) => {
    const count = (o: string) => rows.find((r) => r.indicator === e.indicator && r.outcome === o)?.n ?? 0;
    const [terecht, nietTerecht] = [publishCount(count('terecht')), publishCount(count('niet_terecht'))];
    const [t, n] = [num(terecht), num(nietTerecht)];
    return {
      indicator: e.indicator,
      terecht,
      niet_terecht: nietTerecht,
      precision: t !== null && n !== null && t + n > 0 ? round(t / (t + n)) : null,
    };
  });
}
