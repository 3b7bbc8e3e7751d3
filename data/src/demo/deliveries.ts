// Turns simulated events into deliveries: record ids, file-level quirks, unlinked subjects,
// a few bad rows (for quarantine) and a few corrections (same record_id, other value).

import { compactDay, formatDay } from '../dates.ts';
import { corruptBsn } from '../bsn.ts';
import { Rng } from '../random.ts';
import type { Population } from './population.ts';
import { DEMO_SOURCES, type DemoSource } from './sources.ts';
import type { FeedRow, SignalEvent } from './types.ts';

export const NOISE = {
  /** Share of rows about a person or address not in the registry (moved away, business address). */
  unlinked: 0.008,
  /** Share of rows with a realistic mistake. */
  bad: 0.002,
  /** Share of rows with a value that the source corrects in its next delivery. */
  correction: 0.004,
} as const;

export interface DeliveryStats {
  rows: number;
  badRows: number;
  corrections: number;
  unlinked: number;
}

/** Rows per delivery day per source. */
export type DeliveryTable = Map<number, Map<string, FeedRow[]>>;

export function buildDeliveries(
  seed: number,
  events: readonly SignalEvent[],
  pop: Population,
  weekDays: readonly number[],
): { table: DeliveryTable; stats: DeliveryStats } {
  const table: DeliveryTable = new Map(weekDays.map((d) => [d, new Map<string, FeedRow[]>()]));
  const stats: DeliveryStats = { rows: 0, badRows: 0, corrections: 0, unlinked: 0 };
  const ghosts = { next: pop.personCount + 10_000 };
  const bySource = groupBySource(events);
  for (const source of DEMO_SOURCES) {
    const ctx: SourceContext = { rng: new Rng(seed, 'delivery', source.name), source, pop, ghosts, stats, spoiled: new Set() };
    const days = deliveryDays(source, weekDays);
    for (const day of days) table.get(day)?.set(source.name, []);
    fillSource(ctx, bySource.get(source.name) ?? [], days, table);
  }
  return { table, stats };
}

/** Delivery days of a source: every intervalDays back from the last week end. */
export function deliveryDays(source: DemoSource, weekDays: readonly number[]): number[] {
  const last = weekDays[weekDays.length - 1] ?? 0;
  return weekDays.filter((d) => (last - d) % source.intervalDays === 0);
}

function groupBySource(events: readonly SignalEvent[]): Map<string, SignalEvent[]> {
  const map = new Map<string, SignalEvent[]>();
  for (const e of events) {
    let list = map.get(e.source);
    if (!list) {
      list = [];
      map.set(e.source, list);
    }
    list.push(e);
  }
  for (const list of map.values()) list.sort((a, b) => a.day - b.day);
  return map;
}

interface SourceContext {
  rng: Rng;
  source: DemoSource;
  pop: Population;
  ghosts: { next: number };
  stats: DeliveryStats;
  /** Bad rows of this source (never corrected). */
  spoiled: Set<FeedRow>;
}

function fillSource(ctx: SourceContext, events: SignalEvent[], days: number[], table: DeliveryTable): void {
  const seqPerDay = new Map<number, number>();
  let e = 0;
  days.forEach((day, i) => {
    const rows = table.get(day)?.get(ctx.source.name) ?? [];
    while (e < events.length && (events[e] as SignalEvent).day <= day - ctx.source.intervalDays) e++;
    for (; e < events.length && (events[e] as SignalEvent).day <= day; e++) {
      const ev = events[e] as SignalEvent;
      const seq = (seqPerDay.get(ev.day) ?? 0) + 1;
      seqPerDay.set(ev.day, seq);
      const row = toRow(ctx, ev, seq);
      rows.push(row);
      const next = days[i + 1];
      if (next !== undefined) maybeCorrect(ctx, row, table.get(next)?.get(ctx.source.name));
    }
    ctx.stats.rows += rows.length;
  });
}

function toRow(ctx: SourceContext, ev: SignalEvent, seq: number): FeedRow {
  const { source } = ctx;
  const useBsn = source.subject !== 'address' && ev.bsn !== '';
  const useAddress = source.subject !== 'bsn' && ev.address !== null;
  const row: FeedRow = {
    source: source.name,
    record_id: `${source.idPrefix}-${compactDay(ev.day)}-${String(seq).padStart(5, '0')}`,
    indicator: ev.indicator,
    observed_on: formatDay(ev.day),
    value: ev.value,
    bsn: useBsn ? ev.bsn : '',
    postcode: useAddress ? (ev.address?.postcode ?? '') : '',
    huisnummer: useAddress ? (ev.address?.huisnummer ?? null) : null,
    toevoeging: useAddress ? (ev.address?.toevoeging ?? '') : '',
  };
  if (ctx.rng.bernoulli(NOISE.unlinked)) unlink(ctx, row);
  if (source.name === 'meldpunt-overlast') spellLikeAClerk(row);
  if (ctx.rng.bernoulli(NOISE.bad)) spoil(ctx, row);
  return row;
}

/** Points the row at a person or address that is not in the registry. */
function unlink(ctx: SourceContext, row: FeedRow): void {
  ctx.stats.unlinked++;
  if (row.bsn !== '') row.bsn = ctx.pop.bsns.at(ctx.ghosts.next++);
  else if (row.huisnummer !== null) {
    row.huisnummer = ctx.rng.int(500, 899);
    row.toevoeging = '';
  }
}

/** Meldpunt overlast types postcodes with a space and toevoegingen in lower case (both valid). */
function spellLikeAClerk(row: FeedRow): void {
  if (row.postcode.length === 6) row.postcode = `${row.postcode.slice(0, 4)} ${row.postcode.slice(4)}`;
  row.toevoeging = row.toevoeging.toLowerCase();
}

type Mistake = 'bsn' | 'value' | 'date';

function spoil(ctx: SourceContext, row: FeedRow): void {
  const options: Mistake[] = ['date'];
  if (row.bsn !== '') options.push('bsn');
  if (row.value !== null) options.push('value');
  const mistake = ctx.rng.pick(options);
  ctx.stats.badRows++;
  ctx.spoiled.add(row);
  if (mistake === 'bsn') row.bsn = corruptBsn(row.bsn, ctx.rng.int(0, 8));
  if (mistake === 'value') row.value = -(row.value ?? 1);
  if (mistake === 'date') row.observed_on = wrongDate(ctx.rng, row.observed_on);
}

function wrongDate(rng: Rng, iso: string): string {
  const [y, m, d] = iso.split('-');
  return rng.pick([`${d}-${m}-${y}`, `${y}/${m}/${d}`, `${d}-${m}-${y?.slice(2)}`]);
}

function maybeCorrect(ctx: SourceContext, row: FeedRow, nextRows: FeedRow[] | undefined): void {
  if (!nextRows || row.value === null || ctx.spoiled.has(row)) return;
  if (!ctx.rng.bernoulli(NOISE.correction)) return;
  const delta = row.indicator === 'schoolverzuim' ? ctx.rng.pick([-4, 4, 8]) : ctx.rng.pick([-1, -0.5, 0.5, 1]);
  const value = Math.max(row.indicator === 'schoolverzuim' ? 1 : 0.5, row.value + delta);
  if (value === row.value) return;
  nextRows.push({ ...row, value });
  ctx.stats.corrections++;
}
