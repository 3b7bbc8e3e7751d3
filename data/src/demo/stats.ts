// Headline numbers of a generated demo city (also written to manifest.json).

import type { DeliveryStats, DeliveryTable } from './deliveries.ts';
import type { Population } from './population.ts';
import { DEMO_SOURCES } from './sources.ts';
import { WIJKEN } from './wijken.ts';

export interface WijkStats {
  wijk: string;
  households: number;
  gezinshuishoudens: number;
  multiProblem: number;
  atRisk: number;
}

export interface DemoCityStats {
  households: number;
  persons: number;
  gezinshuishoudens: number;
  minorsInGezinshuishoudens: number;
  oneParentShareOfMultiProblem: number;
  multiProblem: number;
  atRisk: number;
  signalRows: number;
  badRows: number;
  corrections: number;
  unlinkedRows: number;
  rowsPerSource: Record<string, number>;
  deliveriesPerSource: Record<string, number>;
  wijken: WijkStats[];
}

export function cityStats(pop: Population, table: DeliveryTable, delivery: DeliveryStats): DemoCityStats {
  const hh = pop.households;
  const families = hh.filter((h) => h.kind === 'family');
  const multi = families.filter((h) => h.group === 'multi');
  return {
    households: hh.length,
    persons: pop.personCount,
    gezinshuishoudens: families.length,
    minorsInGezinshuishoudens: families.reduce((n, h) => n + h.minors.length, 0),
    oneParentShareOfMultiProblem: round(multi.filter((h) => h.oneParent).length / Math.max(1, multi.length)),
    multiProblem: multi.length,
    atRisk: families.filter((h) => h.group === 'risk').length,
    signalRows: delivery.rows,
    badRows: delivery.badRows,
    corrections: delivery.corrections,
    unlinkedRows: delivery.unlinked,
    ...perSource(table),
    wijken: WIJKEN.map((w, i) => {
      const inWijk = hh.filter((h) => h.wijk === i);
      return {
        wijk: w.name,
        households: inWijk.length,
        gezinshuishoudens: inWijk.filter((h) => h.kind === 'family').length,
        multiProblem: inWijk.filter((h) => h.group === 'multi').length,
        atRisk: inWijk.filter((h) => h.group === 'risk').length,
      };
    }),
  };
}

function perSource(table: DeliveryTable): Pick<DemoCityStats, 'rowsPerSource' | 'deliveriesPerSource'> {
  const rowsPerSource: Record<string, number> = {};
  const deliveriesPerSource: Record<string, number> = {};
  for (const s of DEMO_SOURCES) {
    rowsPerSource[s.name] = 0;
    deliveriesPerSource[s.name] = 0;
  }
  for (const bySource of table.values()) {
    for (const [name, rows] of bySource) {
      rowsPerSource[name] = (rowsPerSource[name] ?? 0) + rows.length;
      deliveriesPerSource[name] = (deliveriesPerSource[name] ?? 0) + 1;
    }
  }
  return { rowsPerSource, deliveriesPerSource };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
