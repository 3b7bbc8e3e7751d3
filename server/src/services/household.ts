import { domainOf } from '@vroegsignaal/shared';
import type { FlagExplanation, HouseholdDetail } from '@vroegsignaal/shared/api/households';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { parseAddressKey } from '../core/address.ts';
import type { Clock } from '../core/clock.ts';
import { parseEvidence } from '../core/evidence.ts';
import { localDate } from '../core/dates.ts';
import { fromMicro } from '../core/score.ts';
import type { Db } from '../db/connection.ts';
import { flagsOfHousehold, runRulesOf, signalVersions } from '../repositories/flag-list-repository.ts';
import { activeMarksOf, markKey } from '../repositories/mark-repository.ts';
import { birthDatesAt, findHousehold, signalTimeline } from '../repositories/household-repository.ts';
import { listRuns, runStartTimes } from '../repositories/run-repository.ts';
import type { ReadCache } from './read-cache.ts';
import { flagForUser, type FlagRow } from './scope.ts';
import { dayOf } from '../repositories/request-scope-repository.ts';
import { checkCurrentResidents, residentsArrivedAt } from './residents.ts';
import { forRole, presentTriage } from './triage.ts';

const TIMELINE_LIMIT = 500;

/** The detail of the household behind a flag: composition, explanations, trend, signals, triage. */
export async function householdOfFlag(
  db: Db,
  clock: Clock,
  timeZone: string,
  user: AuthenticatedUser,
  flagId: number,
  cache: ReadCache,
): Promise<HouseholdDetail> {
  const today = localDate(clock.now(), timeZone);
  const flag = await flagForUser(db, user, flagId, today); // access is checked on every request, cached or not
  await checkCurrentResidents(db, flag); // an earlier family's flag would mix two families on one page
  const detail = await cache.get(JSON.stringify(['household', flagId, today]), () => detailOf(db, flag, today));
  return { ...detail, triage: forRole(detail.triage, user.role) }; // the cached detail is the same for every role
}

async function detailOf(db: Db, flag: FlagRow, today: string): Promise<HouseholdDetail> {
  const key = flag.household_key;
  const arrived = await residentsArrivedAt(db, key);
  const since = arrived === null ? null : dayOf(arrived);
  const [household, births, allFlags, allRuns, timeline, triage, starts] = await Promise.all([
    findHousehold(db, key),
    birthDatesAt(db, key),
    flagsOfHousehold(db, key),
    listRuns(db),
    signalTimeline(db, key, TIMELINE_LIMIT, since),
    presentTriage(db, flag),
    runStartTimes(db),
  ]);
  // What was scored before the current residents came to live here is not theirs; the flag opened always shows.
  // Instants with instants, as an access request does: a run earlier on the import day is the earlier family's.
  const current = (runId: number) => arrived === null || (starts.get(Number(runId)) ?? '') >= arrived;
  const flags = allFlags.filter((f) => f.id === flag.id || current(f.run_id));
  const runs = allRuns.filter((r) => r.id === flag.run_id || current(r.id));
  const explanations = await explainFlags(db, flags, flag.id, { key, since });
  const members = births.map((b) => ({ age: ageOn(b, today), minor: ageOn(b, today) < 18 })).sort((a, b) => b.age - a.age);
  const flaggedIn = new Map(flags.map((f) => [f.run_id, f]));
  return {
    household_key: key,
    shown_from: since,
    address: parseAddressKey(key),
    wijk: household?.wijk ?? flag.wijk,
    composition: { adults: members.filter((m) => !m.minor).length, minors: members.filter((m) => m.minor).length, members },
    flag: explanations.find((e) => e.flag_id === flag.id)!,
    earlier_flags: explanations.filter((e) => e.flag_id !== flag.id && e.as_of <= flag.as_of),
    trend: [...runs].reverse().map((r) => {
      const f = flaggedIn.get(r.id);
      return { run_id: r.id, as_of: r.as_of, flagged: f !== undefined, score: f ? fromMicro(Number(f.score_micro)) : null, domains: f?.domains ?? null };
    }),
    weeks_on_list: since === null ? flag.weeks_on_list : Math.min(flag.weeks_on_list, runs.filter((r) => r.as_of <= flag.as_of).length),
    timeline: timeline.map((s) => ({
      id: s.id,
      indicator: s.indicator,
      domain: domainOf(s.indicator) ?? '',
      source: s.source,
      observed_on: s.observed_on,
      value: s.value,
      // A person's signals follow them: one of a current resident from before the arrival may be from a previous address.
      before_arrival: since !== null && s.observed_on < since && Number(s.resident) === 1,
    })),
    triage,
  };
}

/**
 * Every flag of the household with its rule set, score and active rules; the
 * contributing signals only for the flag opened (an earlier flag shows its own
 * when it is opened): a year on the list would otherwise send hundreds of them.
 */
async function explainFlags(
  db: Db,
  flags: Awaited<ReturnType<typeof flagsOfHousehold>>,
  openedId: number,
  scope: { key: string; since: string | null },
): Promise<FlagExplanation[]> {
  const { key, since } = scope;
  const evidence = new Map(flags.map((f) => [f.id, parseEvidence(f.evidence)]));
  const openedIds = (evidence.get(openedId) ?? []).flatMap((r) => r.signalIds);
  const [rules, signals] = await Promise.all([runRulesOf(db, [...new Set(flags.map((f) => f.run_id))]), signalVersions(db, openedIds, key)]);
  const marks = await activeMarksOf(db, signals);
  const ruleOf = new Map(rules.map((r) => [`${r.run_id}|${r.indicator}`, r]));
  return flags.map((f) => ({
    flag_id: f.id,
    run_id: f.run_id,
    as_of: f.as_of,
    score: fromMicro(Number(f.score_micro)),
    domains: f.domains,
    flag_threshold: f.flag_threshold,
    min_domains: f.min_domains,
    rule_set: { id: f.rule_set_id, name: f.rule_set_name, version: f.rule_set_version },
    rules: evidence.get(f.id)!.map((e) => {
      const rule = ruleOf.get(`${f.run_id}|${e.indicator}`);
      const ids = new Set(f.id === openedId ? e.signalIds : []);
      return {
        indicator: e.indicator,
        domain: rule?.domain ?? '',
        weight: fromMicro(Number(rule?.weight_micro ?? 0)),
        qualifying: e.qualifying,
        signals: signals
          .filter((s) => ids.has(Number(s.id)))
          .map((s) => {
            const mark = marks.get(markKey(s));
            const signal = {
              source: s.source,
              record_id: s.record_id,
              observed_on: s.observed_on,
              value: s.value === null ? null : Number(s.value),
              // A signal from before the arrival that names no current resident still counts, but is not theirs.
              before_residents: since !== null && s.observed_on < since && Number(s.resident) === 0,
            };
            return mark ? { ...signal, correction: { reason: mark.reason, marked_at: mark.marked_at } } : signal;
          }),
      };
    }),
  }));
}

/** Whole years from a birth date to a date, both `YYYY-MM-DD`. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}
