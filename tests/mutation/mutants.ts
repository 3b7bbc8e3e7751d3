// Small mutations of the scoring SQL and the linking code (issue 14). Each must
// make a test fail on the databases it runs on; tests/mutation/run.ts applies
// them one at a time. `from` must occur in `file` (every occurrence is replaced).

export type Dialect = 'sqlite' | 'postgres';

export interface Mutant {
  id: string;
  file: string;
  from: string;
  to: string;
  /** The databases whose code path the mutation changes: a test must fail on each. */
  dialects: Dialect[];
}

const BOTH: Dialect[] = ['sqlite', 'postgres'];
const REPO = 'server/src/repositories/scoring-repository.ts';
const RULES = 'server/src/core/run-rules.ts';

export const MUTANTS: Mutant[] = [
  // the adult/minor cut-off (contract 4.4a)
  { id: 'adult-on-birthday', file: REPO, from: 'sql<SqlBool>`${birth} <= ${adultCutoff}`', to: 'sql<SqlBool>`${birth} < ${adultCutoff}`', dialects: BOTH },
  {
    id: 'minor-from-cutoff',
    file: REPO,
    from: 'sql<SqlBool>`${birth} > ${adultCutoff} and',
    to: 'sql<SqlBool>`${birth} >= ${adultCutoff} and',
    dialects: BOTH,
  },
  { id: 'newborn-on-date-is-minor', file: REPO, from: 'and ${birth} <= ${asOf}`', to: 'and ${birth} < ${asOf}`', dialects: BOTH },
  { id: 'cutoff-17-years', file: 'server/src/core/dates.ts', from: 'Number(asOf.slice(0, 4)) - 18', to: 'Number(asOf.slice(0, 4)) - 17', dialects: BOTH },
  { id: 'family-needs-minor', file: REPO, from: ".where('c.adults', '>', 0).where('c.minors', '>', 0)", to: ".where('c.adults', '>', 0)", dialects: BOTH },
  // the window (contract 4.1)
  { id: 'window-one-day-shorter', file: RULES, from: 'addDays(asOf, -windowDays)', to: 'addDays(asOf, -windowDays + 1)', dialects: BOTH },
  { id: 'window-one-day-longer', file: RULES, from: 'addDays(asOf, -windowDays)', to: 'addDays(asOf, -windowDays - 1)', dialects: BOTH },
  { id: 'window-ends-before-date', file: RULES, from: 'window_to: asOf', to: 'window_to: addDays(asOf, -1)', dialects: BOTH },
  {
    id: 'sqlite-window-start-inclusive',
    file: REPO,
    from: 'const QUALIFIES = sql`s.observed_on > r.window_from',
    to: 'const QUALIFIES = sql`s.observed_on >= r.window_from',
    dialects: ['sqlite'],
  },
  {
    id: 'sqlite-window-end-exclusive',
    file: REPO,
    from: 'and s.observed_on <= r.window_to and',
    to: 'and s.observed_on < r.window_to and',
    dialects: ['sqlite'],
  },
  {
    id: 'postgres-window-start-inclusive',
    file: REPO,
    from: "${date('s.observed_on')} > r.window_from",
    to: "${date('s.observed_on')} >= r.window_from",
    dialects: ['postgres'],
  },
  {
    id: 'postgres-window-end-exclusive',
    file: REPO,
    from: "${date('s.observed_on')} <= r.window_to",
    to: "${date('s.observed_on')} < r.window_to",
    dialects: ['postgres'],
  },
  // the threshold (contract 4.1)
  { id: 'sqlite-threshold-strict', file: REPO, from: 's.value >= r.threshold)`;', to: 's.value > r.threshold)`;', dialects: ['sqlite'] },
  {
    id: 'sqlite-threshold-empty-value',
    file: REPO,
    from: 's.value >= r.threshold)`;',
    to: 'coalesce(s.value, r.threshold) >= r.threshold)`;',
    dialects: ['sqlite'],
  },
  {
    id: 'postgres-threshold-strict',
    file: REPO,
    from: 's.value >= r.threshold)\n    else false end',
    to: 's.value > r.threshold)\n    else false end',
    dialects: ['postgres'],
  },
  {
    id: 'postgres-threshold-empty-value',
    file: REPO,
    from: 's.value >= r.threshold)\n    else false end',
    to: 'coalesce(s.value, r.threshold) >= r.threshold)\n    else false end',
    dialects: ['postgres'],
  },
  // min_count (4.2)
  {
    id: 'sqlite-min-count-strict',
    file: REPO,
    from: 'having count(*) >= min(r.min_count)\n      order by',
    to: 'having count(*) > min(r.min_count)\n      order by',
    dialects: ['sqlite'],
  },
  {
    id: 'postgres-min-count-strict',
    file: REPO,
    from: 'having count(*) >= min(r.min_count)) active',
    to: 'having count(*) > min(r.min_count)) active',
    dialects: ['postgres'],
  },
  // the flag condition (4.4b)
  { id: 'score-threshold-strict', file: REPO, from: 'sum(w) >= ${p.thresholdMicro}', to: 'sum(w) > ${p.thresholdMicro}', dialects: BOTH },
  { id: 'min-domains-strict', file: REPO, from: 'count(distinct domain) >= ${p.minDomains}', to: 'count(distinct domain) > ${p.minDomains}', dialects: BOTH },
  { id: 'score-and-domains', file: REPO, from: 'or count(distinct domain) >=', to: 'and count(distinct domain) >=', dialects: BOTH },
  {
    id: 'threshold-zero-without-signals',
    file: 'server/src/services/scoring.ts',
    from: 'allFamilies: params.thresholdMicro <= 0 }',
    to: 'allFamilies: false }',
    dialects: BOTH,
  },
  // the wijk of a household: majority, then byte order (1)
  {
    id: 'wijk-tie-last-name',
    file: 'server/src/repositories/registry-repository.ts',
    from: 'sql<string>`min(${byteOrder})`',
    to: 'sql<string>`max(${byteOrder})`',
    dialects: BOTH,
  },
  {
    id: 'wijk-not-majority',
    file: 'server/src/repositories/registry-repository.ts',
    from: "j.onRef('t.address_key', '=', 'c.address_key').onRef('t.top', '=', 'c.n')",
    to: "j.onRef('t.address_key', '=', 'c.address_key')",
    dialects: BOTH,
  },
  // linking (2.2): a known bsn only, never its address; re-linking on a new registry
  {
    id: 'sqlite-link-unknown-address',
    file: 'server/src/ingest/sqlite-link.ts',
    from: 'return addressKey !== null && household.get(addressKey) !== undefined ? addressKey : null;',
    to: 'return addressKey;',
    dialects: ['sqlite'],
  },
  {
    id: 'sqlite-link-stale-person',
    file: 'server/src/ingest/sqlite-link.ts',
    from: 'if (bsnHash !== lastBsn) {',
    to: 'if (lastBsn === null) {',
    dialects: ['sqlite'],
  },
  {
    id: 'postgres-link-unknown-address',
    file: 'server/src/ingest/kysely-writer.ts',
    from: 's.addressKey && known.has(s.addressKey) ? s.addressKey : null',
    to: 's.addressKey',
    dialects: ['postgres'],
  },
  {
    id: 'relink-bsn-signals-skipped',
    file: 'server/src/repositories/registry-repository.ts',
    from: ".where('bsn_hash', 'is not', null)\n    .where((eb) =>",
    to: ".where('bsn_hash', 'is', null)\n    .where((eb) =>",
    dialects: BOTH,
  },
  {
    id: 'relink-never-unlinks-addresses',
    file: 'server/src/repositories/registry-repository.ts',
    from: ".where('household_key', 'is not', null).where((eb) => eb.not(known(eb)))",
    to: ".where('household_key', 'is', null).where((eb) => eb.not(known(eb)))",
    dialects: BOTH,
  },
  {
    id: 'relink-address-signals-skipped',
    file: 'server/src/repositories/registry-repository.ts',
    from: ".set((eb) => ({ household_key: eb.ref('address_key') }))",
    to: ".set((eb) => ({ household_key: eb.ref('household_key') }))",
    dialects: BOTH,
  },
  // the stored explanation (4, JSON): which signals and how many count per active rule
  { id: 'sqlite-evidence-without-ids', file: REPO, from: 'sql`json_group_array(s.id)`', to: 'sql`json_array()`', dialects: ['sqlite'] },
  { id: 'postgres-evidence-without-ids', file: REPO, from: 'sql`json_agg(s.id)`', to: 'sql`json_build_array()`', dialects: ['postgres'] },
  {
    id: 'sqlite-evidence-count',
    file: REPO,
    from: "json_object('indicator', indicator, 'qualifying', n,",
    to: "json_object('indicator', indicator, 'qualifying', n + 1,",
    dialects: ['sqlite'],
  },
  {
    id: 'postgres-evidence-count',
    file: REPO,
    from: "json_build_object('indicator', indicator, 'qualifying', n,",
    to: "json_build_object('indicator', indicator, 'qualifying', n + 1,",
    dialects: ['postgres'],
  },
];
