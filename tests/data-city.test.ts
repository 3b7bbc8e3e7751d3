// The synthetic demo city stays calibrated on the Groningen quickscan and the data contract.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../data/src/bsn.ts';
import { ageOn, parseDay } from '../data/src/dates.ts';
import { DEMO_SOURCES, generateDemoCity, renderDeliveryCsv, renderRegistryCsv, type DemoCity, type RegistryRow } from '../data/src/demo-city.ts';
import { scoreDemoCity } from '../data/src/score-check.ts';

const AS_OF = '2025-11-21';
const REPORT_WIJKEN = [
  'Beijum',
  'Vinkhuizen',
  'Lewenborg',
  'Korrewegwijk / De Hoogte',
  'Nieuw-Zuid Corporatief',
  'Paddepoel',
  'Oosterpark',
  'Centrum',
  'Oud-Zuid',
  'Hoogkerk / de dorpen',
  'Oranjewijk / Schilderswijk',
  'Nieuw-Oost',
  'Nieuw-Zuid Particulier',
  'Nieuw-West',
];
const FORBIDDEN_COLUMN = /name|naam|nationalit|etnic|ethnic|geboorteland|herkomst/i;

const city = generateDemoCity({ asOf: AS_OF });
const registry = [...city.registry()];

interface RegistryHousehold {
  wijk: string;
  ages: number[];
}

function households(rows: readonly RegistryRow[], day: number): Map<string, RegistryHousehold> {
  const map = new Map<string, RegistryHousehold>();
  for (const r of rows) {
    const key = `${r.postcode}-${r.huisnummer}-${r.toevoeging}`;
    const h = map.get(key) ?? { wijk: r.wijk, ages: [] };
    h.ages.push(ageOn(parseDay(r.birth_date), day));
    map.set(key, h);
  }
  return map;
}

function isFamily(h: RegistryHousehold): boolean {
  return h.ages.some((a) => a >= 18) && h.ages.some((a) => a < 18);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function feedHash(c: DemoCity): string {
  const hash = createHash('sha256');
  for (const d of c.deliveries()) hash.update(`${d.source}/${d.week}\n${renderDeliveryCsv(d)}`);
  return hash.digest('hex');
}

function sumOver(perWijk: Record<string, number>, names: readonly string[]): number {
  return names.reduce((n, w) => n + (perWijk[w] ?? 0), 0);
}

describe('demo city registry', () => {
  const hh = households(registry, parseDay(AS_OF));
  const families = [...hh.values()].filter(isFamily);

  it('has about 24 000 gezinshuishoudens with about 40 000 minors among ~100 000 households', () => {
    expect(families.length).toBeGreaterThanOrEqual(22_000);
    expect(families.length).toBeLessThanOrEqual(26_000);
    const minors = families.reduce((n, h) => n + h.ages.filter((a) => a < 18).length, 0);
    expect(minors).toBeGreaterThanOrEqual(37_000);
    expect(minors).toBeLessThanOrEqual(43_000);
    expect(hh.size).toBeGreaterThanOrEqual(90_000);
    expect(hh.size).toBeLessThanOrEqual(110_000);
  });

  it('has exactly the 14 wijken of the quickscan, Lewenborg with ≈7.6 % of the families', () => {
    expect(new Set(registry.map((r) => r.wijk))).toEqual(new Set(REPORT_WIJKEN));
    const lewenborg = families.filter((h) => h.wijk === 'Lewenborg').length / families.length;
    expect(lewenborg).toBeGreaterThanOrEqual(0.065);
    expect(lewenborg).toBeLessThanOrEqual(0.087);
  });

  it('has unique BSNs that pass the elfproef, and valid addresses and birth dates', () => {
    expect(new Set(registry.map((r) => r.bsn)).size).toBe(registry.length);
    const asOf = parseDay(AS_OF);
    const broken = registry.filter(
      (r) =>
        !isValidBsn(r.bsn) ||
        !/^[1-9][0-9]{3}[A-Z]{2}$/.test(r.postcode) ||
        !/^[A-Z0-9]*$/.test(r.toevoeging) ||
        !Number.isInteger(r.huisnummer) ||
        r.huisnummer < 1 ||
        r.huisnummer > 99_999 ||
        parseDay(r.birth_date) > asOf,
    );
    expect(broken.slice(0, 3)).toEqual([]);
  });

  it('never has a column for names, nationality or ethnicity', () => {
    const header = renderRegistryCsv(city).split('\n', 1)[0] ?? '';
    expect(header).toBe('bsn,birth_date,postcode,huisnummer,toevoeging,wijk');
    for (const column of [...header.split(','), ...Object.keys(registry[0] ?? {})]) expect(column).not.toMatch(FORBIDDEN_COLUMN);
    for (const source of DEMO_SOURCES) for (const column of source.columns) expect(column).not.toMatch(FORBIDDEN_COLUMN);
    const firstDelivery = city.deliveries().next();
    if (!firstDelivery.done) for (const key of Object.keys(firstDelivery.value.rows[0] ?? {})) expect(key).not.toMatch(FORBIDDEN_COLUMN);
  });

  it('is deterministic: same seed gives identical files, another seed does not', () => {
    const again = generateDemoCity({ asOf: AS_OF });
    expect(sha256(renderRegistryCsv(again))).toBe(sha256(renderRegistryCsv(city)));
    expect(feedHash(again)).toBe(feedHash(city));
    const other = generateDemoCity({ asOf: AS_OF, seed: 7, weeks: 2 });
    expect(sha256(renderRegistryCsv(other))).not.toBe(sha256(renderRegistryCsv(city)));
  });
});

describe('demo city problems and signals', () => {
  const north = ['Beijum', 'Vinkhuizen', 'Lewenborg'];
  const newer = ['Nieuw-West', 'Nieuw-Oost', 'Nieuw-Zuid Particulier'];

  it('spreads the latent multi-problem group like the report, mostly one-parent families', () => {
    const perWijk = Object.fromEntries(city.stats.wijken.map((w) => [w.wijk, w.multiProblem]));
    expect(city.stats.multiProblem).toBeGreaterThanOrEqual(168);
    expect(city.stats.multiProblem).toBeLessThanOrEqual(500);
    expect(sumOver(perWijk, north)).toBeGreaterThan(sumOver(perWijk, newer));
    expect(city.stats.oneParentShareOfMultiProblem).toBeGreaterThan(0.55);
    expect(city.stats.oneParentShareOfMultiProblem).toBeLessThan(0.8);
  });

  it('flags 200–500 families with the default rule set, concentrated in the report’s wijken', () => {
    const result = scoreDemoCity(city);
    expect(result.flagged).toBeGreaterThanOrEqual(200);
    expect(result.flagged).toBeLessThanOrEqual(500);
    expect(sumOver(result.flaggedPerWijk, north)).toBeGreaterThan(2 * sumOver(result.flaggedPerWijk, newer));
    expect(result.flaggedPerGroup.multi).toBeGreaterThan(result.flagged / 2);
  });

  it('delivers every source with unique record ids, a few bad rows and a few corrections', () => {
    const seen = new Map<string, string>();
    let rows = 0;
    let corrections = 0;
    for (const d of city.deliveries()) {
      for (const r of d.rows) {
        rows++;
        const key = `${r.source}\u0000${r.record_id}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          corrections++;
          expect(earlier < d.week).toBe(true);
        }
        seen.set(key, d.week);
      }
    }
    expect(new Set([...city.deliveries()].map((d) => d.source))).toEqual(new Set(DEMO_SOURCES.map((s) => s.name)));
    expect(corrections).toBe(city.stats.corrections);
    expect(corrections).toBeGreaterThan(0);
    expect(city.stats.badRows / rows).toBeGreaterThan(0.0005);
    expect(city.stats.badRows / rows).toBeLessThan(0.005);
  });

  it('has Wgs debt signals at about 4 per 1 000 residents per month', () => {
    let debt = 0;
    for (const d of city.deliveries()) for (const r of d.rows) if (r.indicator.endsWith('achterstand')) debt++;
    const months = (city.weeks * 7) / 30.44;
    const rate = debt / months / (registry.length / 1000);
    expect(rate).toBeGreaterThan(3);
    expect(rate).toBeLessThan(6);
  });
});
