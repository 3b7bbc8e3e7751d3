// The calibrated demo city (Groningen quickscan), in memory. Writing to disk: demo/write.ts.

import { formatDay, parseDay } from './dates.ts';
import { buildDeliveries, deliveryDays, type DeliveryTable } from './demo/deliveries.ts';
import { simulateEvents } from './demo/events.ts';
import { buildPopulation } from './demo/population.ts';
import { DEMO_SOURCES, sourceByName } from './demo/sources.ts';
import { cityStats, type DemoCityStats } from './demo/stats.ts';
import type { Delivery, Household, RegistryRow } from './demo/types.ts';
import { WIJKEN } from './demo/wijken.ts';
import { writeCityFiles, type WriteDemoResult } from './demo/write.ts';

export { DEMO_SOURCES, type DemoSource } from './demo/sources.ts';
export { WIJKEN } from './demo/wijken.ts';
export { renderRegistryCsv, renderDeliveryCsv, type WriteDemoResult } from './demo/write.ts';
export type { Delivery, FeedRow, Household, RegistryRow } from './demo/types.ts';
export type { DemoCityStats } from './demo/stats.ts';

export interface DemoCityOptions {
  seed?: number;
  /** Last week end (`YYYY-MM-DD`); the scoring date the city is calibrated for. */
  asOf: string;
  weeks?: number;
}

export interface DemoCity {
  seed: number;
  asOf: string;
  weeks: number;
  /** Week end dates, oldest first; the last one is asOf. */
  weekEnds: string[];
  /** Households with their members (and latent group, which is never written to the registry). */
  households: readonly Household[];
  /** Registry rows (contract 2.1) in address order. */
  registry(): Generator<RegistryRow>;
  /** Deliveries oldest week first, in DEMO_SOURCES order within a week; a source that does not deliver that week is absent. */
  deliveries(): Generator<Delivery>;
  deliveriesOfWeek(week: string): Delivery[];
  stats: DemoCityStats;
}

/** Days before the first week end that the simulation warms up. */
const WARM_UP_DAYS = 150;

export function generateDemoCity(options: DemoCityOptions): DemoCity {
  const { seed, asOf, weeks } = checkOptions(options);
  const asOfDay = parseDay(asOf);
  const weekDays = Array.from({ length: weeks }, (_, i) => asOfDay - 7 * (weeks - 1 - i));
  const simStart = (weekDays[0] as number) - WARM_UP_DAYS;
  const pop = buildPopulation(seed, asOfDay);
  const benefitDays = deliveryDays(sourceByName('gemeente-werk-inkomen'), weekDays);
  const events = simulateEvents(seed, pop, { asOfDay, simStart, benefitDays });
  const { table, stats } = buildDeliveries(seed, events, pop, weekDays);
  return {
    seed,
    asOf,
    weeks,
    weekEnds: weekDays.map(formatDay),
    households: pop.households,
    registry: () => registryRows(pop.households),
    deliveries: () => allDeliveries(table),
    deliveriesOfWeek: (week) => weekDeliveries(table, parseDay(week)),
    stats: cityStats(pop, table, stats),
  };
}

function checkOptions(options: DemoCityOptions): Required<DemoCityOptions> {
  const seed = options.seed ?? 2026;
  const weeks = options.weeks ?? 52;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed moet een geheel getal ≥ 0 zijn: ${seed}`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) throw new Error(`weeks moet tussen 1 en 520 liggen: ${weeks}`);
  parseDay(options.asOf);
  return { seed, asOf: options.asOf, weeks };
}

function* registryRows(households: readonly Household[]): Generator<RegistryRow> {
  for (const h of households) {
    const wijk = WIJKEN[h.wijk]?.name ?? '';
    for (const p of [...h.adults, ...h.minors]) {
      yield { bsn: p.bsn, birth_date: formatDay(p.birthDay), postcode: h.postcode, huisnummer: h.huisnummer, toevoeging: h.toevoeging, wijk };
    }
  }
}

function* allDeliveries(table: DeliveryTable): Generator<Delivery> {
  for (const day of [...table.keys()].sort((a, b) => a - b)) yield* weekDeliveries(table, day);
}

function weekDeliveries(table: DeliveryTable, day: number): Delivery[] {
  const bySource = table.get(day);
  if (!bySource) return [];
  return DEMO_SOURCES.flatMap((s) => {
    const rows = bySource.get(s.name);
    return rows ? [{ week: formatDay(day), source: s.name, rows }] : [];
  });
}

/** Generates the demo city and writes registry.csv, drops/, manifest.json and truth.csv to outDir. */
export async function writeDemoCity(outDir: string, options: DemoCityOptions): Promise<WriteDemoResult & { city: DemoCity }> {
  const city = generateDemoCity(options);
  return { ...(await writeCityFiles(outDir, city)), city };
}
