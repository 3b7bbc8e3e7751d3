// An obviously-correct, deliberately naive scorer of contract section 4, written
// independently of the engine's core (own date arithmetic, own rounding), used
// as the yardstick of the property test.

export interface ModelPerson {
  bsn: string;
  birthDate: string;
  addressKey: string;
}
export interface ModelSignal {
  key: string;
  indicator: string;
  observedOn: string;
  value: number | null;
  bsn: string | null;
  addressKey: string | null;
}
export interface ModelRule {
  indicator: string;
  domain: string;
  weightMilli: number;
  threshold: number | null;
  windowDays: number;
  minCount: number;
}
export interface ModelRuleSet {
  flagThresholdMilli: number;
  minDomains: number | null;
  rules: ModelRule[];
}
export interface ModelFlag {
  addressKey: string;
  scoreMilli: number;
  domains: number;
  indicators: string;
  /** Per active indicator, the keys (source/record_id) of its qualifying signals, sorted. */
  evidence: Record<string, string[]>;
}

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function eighteenthBirthday(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + 18;
  if (m === 2 && d === 29 && !isLeap(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

const isAdult = (p: ModelPerson, asOf: string) => eighteenthBirthday(p.birthDate) <= asOf;
const isMinor = (p: ModelPerson, asOf: string) => !isAdult(p, asOf) && p.birthDate <= asOf;

const isGezinshuishouden = (members: ModelPerson[], asOf: string) => members.some((p) => isAdult(p, asOf)) && members.some((p) => isMinor(p, asOf));

export interface ModelWijk {
  wijk: string;
  households: number;
  gezinshuishoudens: number;
}

/** Households and gezinshuishoudens per wijk on the scoring date, sorted by wijk (code points). */
export function modelComposition(persons: ModelPerson[], asOf: string, wijkOf: (address: string) => string): ModelWijk[] {
  const perWijk = new Map<string, ModelWijk>();
  for (const address of new Set(persons.map((p) => p.addressKey))) {
    const wijk = wijkOf(address);
    const w = perWijk.get(wijk) ?? { wijk, households: 0, gezinshuishoudens: 0 };
    w.households++;
    if (
      isGezinshuishouden(
        persons.filter((p) => p.addressKey === address),
        asOf,
      )
    )
      w.gezinshuishoudens++;
    perWijk.set(wijk, w);
  }
  return [...perWijk.values()].sort((a, b) => (a.wijk < b.wijk ? -1 : 1));
}

/** The last row per (source, record_id) wins, as ingestion does. */
export function latestSignals(rows: ModelSignal[]): ModelSignal[] {
  const byKey = new Map<string, ModelSignal>();
  for (const r of rows) byKey.set(r.key, r);
  return [...byKey.values()];
}

export function householdOf(signal: ModelSignal, persons: ModelPerson[]): string | null {
  if (signal.bsn !== null) return persons.find((p) => p.bsn === signal.bsn)?.addressKey ?? null;
  return persons.some((p) => p.addressKey === signal.addressKey) ? signal.addressKey : null;
}

export function modelFlags(persons: ModelPerson[], feed: ModelSignal[], ruleSet: ModelRuleSet, asOf: string): ModelFlag[] {
  const signals = latestSignals(feed);
  const flags: ModelFlag[] = [];
  for (const address of [...new Set(persons.map((p) => p.addressKey))]) {
    if (
      !isGezinshuishouden(
        persons.filter((p) => p.addressKey === address),
        asOf,
      )
    )
      continue;
    const mine = signals.filter((s) => householdOf(s, persons) === address);
    const qualifyingOf = (rule: ModelRule) =>
      mine.filter((s) => {
        const age = dayNumber(asOf) - dayNumber(s.observedOn);
        const inWindow = age >= 0 && age < rule.windowDays;
        const meets = rule.threshold === null || (s.value !== null && s.value >= rule.threshold);
        return s.indicator === rule.indicator && inWindow && meets;
      });
    const active = ruleSet.rules.filter((rule) => qualifyingOf(rule).length >= rule.minCount);
    const scoreMilli = active.reduce((sum, r) => sum + r.weightMilli, 0);
    const domains = new Set(active.map((r) => r.domain)).size;
    const flagged = scoreMilli >= ruleSet.flagThresholdMilli || (ruleSet.minDomains !== null && domains >= ruleSet.minDomains);
    const evidence = Object.fromEntries(
      active.map((r) => [
        r.indicator,
        qualifyingOf(r)
          .map((s) => s.key)
          .sort(),
      ]),
    );
    if (flagged)
      flags.push({
        addressKey: address,
        scoreMilli,
        domains,
        indicators: active
          .map((r) => r.indicator)
          .sort()
          .join('|'),
        evidence,
      });
  }
  return flags.sort((a, b) => Buffer.compare(Buffer.from(a.addressKey), Buffer.from(b.addressKey)));
}

/** Half up to 2 decimals, no trailing zeros, from an exact sum in thousandths. */
export function modelScoreText(milli: number): string {
  const cents = Math.floor((milli + 5) / 10);
  const whole = String(Math.floor(cents / 100));
  const fraction = pad(cents % 100).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

export function modelCsv(flags: ModelFlag[], wijkOf: (address: string) => string): string {
  const lines = flags.map((f) => [f.addressKey, wijkOf(f.addressKey), modelScoreText(f.scoreMilli), String(f.domains), f.indicators].join(','));
  return `${['address_key,wijk,score,domains,indicators', ...lines].join('\n')}\n`;
}
