import { DEFAULT_RULE_SET, type RuleSetDefinition } from '../../../shared/src/contract.ts';
import { Rng } from '../../../data/src/random.ts';
import { validBsn } from '../../engine/support/bsn.ts';
import { feedFile, registryFile, type Row } from '../../engine/support/files.ts';

// A generated city with many small cells: six wijken of 8 to 90 gezinnen, each
// family with a random subset of five indicators (one per leefgebied), dated so
// that weekly runs see families come onto and drop off the list.

/** The indicators the city's feed uses; every other indicator never occurs. */
export const CITY_INDICATORS = ['huurachterstand', 'huiselijk_geweld', 'schoolverzuim', 'werkloosheid', 'opvoedzorg'] as const;
export type CityIndicator = (typeof CITY_INDICATORS)[number];

const WIJKEN = [
  ['Akkers', 8],
  ['Beek', 15],
  ['Dijk', 25],
  ['Esch', 40],
  ['Hoven', 60],
  ['Veld', 90],
] as const;
const CHANCE: Record<CityIndicator, number> = { huurachterstand: 0.3, huiselijk_geweld: 0.12, schoolverzuim: 0.3, werkloosheid: 0.35, opvoedzorg: 0.25 };
// Every signal has a value, so a rule is active the same whether its threshold is null or 0.
const VALUE: Record<CityIndicator, string> = { huurachterstand: '3', huiselijk_geweld: '1', schoolverzuim: '20', werkloosheid: '1', opvoedzorg: '1' };

export const CITY_RUN_DATES = ['2026-09-10', '2026-09-17', '2026-09-24', '2026-10-01'];

interface Family {
  wijk: string;
  signals: { indicator: CityIndicator; observed_on: string }[];
}

function families(seed: number): Family[] {
  const rng = new Rng('small-cells', seed);
  return WIJKEN.flatMap(([wijk, n]) =>
    Array.from({ length: n }, () => ({
      wijk,
      signals: CITY_INDICATORS.filter((i) => rng.bernoulli(CHANCE[i])).map((indicator) => {
        const day = rng.int(0, 121); // 2026-06-01 .. 2026-09-30: windows of 90 days let some age out
        return { indicator, observed_on: new Date(Date.UTC(2026, 5, 1 + day)).toISOString().slice(0, 10) };
      }),
    })),
  );
}

export function smallCellsCity(seed = 13): { registry: string; feed: string } {
  const registry: Row[] = [];
  const feed: Row[] = [];
  families(seed).forEach(({ wijk, signals }, n) => {
    const address = { postcode: '9700AB', huisnummer: n + 1 };
    registry.push({ bsn: validBsn(2 * n), birth_date: '1984-03-01', ...address, wijk });
    registry.push({ bsn: validBsn(2 * n + 1), birth_date: '2014-06-01', ...address, wijk });
    for (const s of signals) feed.push({ source: 'bron', record_id: `${s.indicator}-${n}`, ...s, value: VALUE[s.indicator], ...address });
  });
  return { registry: registryFile(registry), feed: feedFile(feed) };
}

/** The true number of gezinshuishoudens per wijk and per set of active indicators (index into ACTIVE_SETS) on `asOf`. */
export function trueCells(asOf: string, seed = 13): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  for (const { wijk, signals } of families(seed)) {
    const active = signals.filter((s) => day(s.observed_on) > day(asOf) - defaultRule(s.indicator).window_days && s.observed_on <= asOf);
    const k = active.reduce((m, s) => m | (1 << CITY_INDICATORS.indexOf(s.indicator)), 0);
    const row = out.get(wijk) ?? Array<number>(ACTIVE_SETS.length).fill(0);
    row[k]! += 1;
    out.set(wijk, row);
  }
  return out;
}

const defaultRule = (indicator: string) => DEFAULT_RULE_SET.rules.find((r) => r.indicator === indicator)!;

/** A rule of the default set with another weight (window, threshold and count stay, so activity is the same). */
const rule = (indicator: string, weight: number) => ({ ...defaultRule(indicator), weight });

const pairs = <T>(xs: readonly T[]): T[][] => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b]));

/**
 * Drafts a beleidsmaker would write to isolate small groups: one flagging everyone
 * with one indicator, with two, with three; the default set without one rule; and
 * the default set with one weight set to 0 or raised to the threshold.
 */
export function attackerDrafts(): RuleSetDefinition[] {
  const only = (name: string, indicators: readonly string[]): RuleSetDefinition => ({
    name,
    flag_threshold: indicators.length,
    min_domains: null,
    rules: indicators.map((i) => rule(i, 1)),
  });
  const withWeight = (indicator: string, weight: number): RuleSetDefinition => ({
    ...DEFAULT_RULE_SET,
    name: `gewicht ${indicator} ${weight}`,
    rules: DEFAULT_RULE_SET.rules.map((r) => (r.indicator === indicator ? { ...r, weight } : r)),
  });
  return [
    { ...DEFAULT_RULE_SET, name: 'ongewijzigd' },
    ...CITY_INDICATORS.map((i) => only(`alleen ${i}`, [i])),
    ...pairs(CITY_INDICATORS).map((p) => only(`samen ${p.join(' en ')}`, p)),
    ...[
      [0, 1, 2],
      [0, 2, 4],
      [1, 3, 4],
      [2, 3, 4],
    ].map((ix) =>
      only(
        `drie ${ix.join('')}`,
        ix.map((k) => CITY_INDICATORS[k]!),
      ),
    ),
    ...CITY_INDICATORS.map((i) => ({ ...DEFAULT_RULE_SET, name: `zonder ${i}`, rules: DEFAULT_RULE_SET.rules.filter((r) => r.indicator !== i) })),
    ...CITY_INDICATORS.map((i) => withWeight(i, 0)),
    ...CITY_INDICATORS.map((i) => withWeight(i, DEFAULT_RULE_SET.flag_threshold)),
  ];
}

/** Every subset of the city's indicators, as the list of its members. */
export const ACTIVE_SETS: CityIndicator[][] = Array.from({ length: 1 << CITY_INDICATORS.length }, (_, m) => CITY_INDICATORS.filter((_, k) => (m >> k) & 1));

/**
 * Whether a gezinshuishouden whose active indicators (under the default rules'
 * windows, thresholds and counts) are `active` is flagged by `def`, and the
 * indicators its flag lists. Mirrors section 3 of the data contract.
 */
export function flagsUnder(def: RuleSetDefinition, active: readonly string[]): { flagged: boolean; indicators: string[] } {
  const rules = def.rules.filter((r) => active.includes(r.indicator));
  const score = rules.reduce((a, r) => a + r.weight, 0);
  const domains = new Set(rules.map((r) => r.domain)).size;
  const flagged = score >= def.flag_threshold || (def.min_domains !== null && domains >= def.min_domains);
  return { flagged, indicators: rules.map((r) => r.indicator) };
}
