import { INDICATOR_CATALOGUE, DOMAINS } from '@vroegsignaal/shared';
import type { IndicatorsAggregate, PrecisionAggregate, WeekAggregate, WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { suppressAdditive, suppressCount, type Count } from '../core/suppression.ts';
import type { Db } from '../db/connection.ts';
import { flagsPerDomain, flagsPerIndicator, outcomesPerIndicator, wijkStats } from '../repositories/aggregate-repository.ts';
import { findRun, listRuns, newestRun } from '../repositories/run-repository.ts';
import { ApiError } from './errors.ts';

// Aggregates for beleidsmakers. Every count passes small-cell suppression; a
// ratio is only given when the counts behind it are shown.

const num = (c: Count): number | null => (typeof c === 'number' ? c : null);
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function weeks(db: Db, from?: string, to?: string): Promise<WeekAggregate[]> {
  const runs = (await listRuns(db)).filter((r) => (!from || r.as_of >= from) && (!to || r.as_of <= to)).reverse();
  return runs.map((r) => {
    const split = suppressAdditive([r.new_flags, r.persisting_flags]);
    return {
      run_id: r.id, as_of: r.as_of, rule_set_version: r.rule_set_version, flags: split.total, new_flags: split.cells[0]!,
      persisting_flags: split.cells[1]!, dropped_flags: suppressCount(r.dropped_flags),
    };
  });
}

async function runOrNewest(db: Db, runId?: number) {
  const run = runId === undefined ? await newestRun(db) : await findRun(db, runId);
  if (!run) throw ApiError.notFound(runId === undefined ? 'er is nog geen scoringsronde' : 'scoringsronde niet gevonden');
  return run;
}

export async function wijken(db: Db, runId?: number): Promise<WijkenAggregate> {
  const run = await runOrNewest(db, runId);
  const stats = await wijkStats(db, run.id);
  const flags = suppressAdditive(stats.map((s) => s.flags));
  const gezin = suppressAdditive(stats.map((s) => s.gezinshuishoudens));
  const totalFlags = num(flags.total);
  const totalGezin = num(gezin.total);
  return {
    run_id: run.id, as_of: run.as_of, total_flags: flags.total, total_gezinshuishoudens: gezin.total,
    wijken: stats.map((s, i) => {
      const f = num(flags.cells[i]!);
      const g = num(gezin.cells[i]!);
      const shareF = f !== null && totalFlags ? f / totalFlags : null;
      const shareG = g !== null && totalGezin ? g / totalGezin : null;
      return {
        wijk: s.wijk, flags: flags.cells[i]!, gezinshuishoudens: gezin.cells[i]!,
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
    run_id: run.id, as_of: run.as_of, total_flags: suppressCount(run.flags),
    indicators: INDICATOR_CATALOGUE.map((e) => ({
      indicator: e.indicator, domain: e.domain, flags: suppressCount(perIndicator.find((p) => p.indicator === e.indicator)?.n ?? 0),
    })),
    domains: DOMAINS.map((d) => ({ domain: d, flags: suppressCount(perDomain.find((p) => p.domain === d)?.n ?? 0) })),
  };
}

export async function precision(db: Db): Promise<PrecisionAggregate> {
  const rows = await outcomesPerIndicator(db);
  return INDICATOR_CATALOGUE.map((e) => {
    const count = (o: string) => rows.find((r) => r.indicator === e.indicator && r.outcome === o)?.n ?? 0;
    const row = suppressAdditive([count('terecht'), count('niet_terecht')]);
    const [t, n] = [num(row.cells[0]!), num(row.cells[1]!)];
    return {
      indicator: e.indicator, terecht: row.cells[0]!, niet_terecht: row.cells[1]!,
      precision: t !== null && n !== null && t + n > 0 ? round(t / (t + n)) : null,
    };
  });
}
