// Writes a demo city to disk: registry.csv, drops/<source>/<date>.csv, manifest.json, truth.csv.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REGISTRY_COLUMNS } from '@vroegsignaal/shared';
import { csvLine, formatNumber, PLAIN_CSV, type CsvFormat } from '../csv.ts';
import type { DemoCity } from '../demo-city.ts';
import { DEMO_SOURCES, sourceByName, type DemoSource } from './sources.ts';
import type { Delivery, FeedRow, Household } from './types.ts';
import { WIJKEN } from './wijken.ts';

export interface WriteDemoResult {
  outDir: string;
  registryFile: string;
  registryRows: number;
  deliveryFiles: number;
  signalRows: number;
  manifestFile: string;
  truthFile: string;
}

export function renderRegistryCsv(city: DemoCity): string {
  const parts = [csvLine(REGISTRY_COLUMNS, PLAIN_CSV)];
  for (const r of city.registry()) parts.push(csvLine([r.bsn, r.birth_date, r.postcode, String(r.huisnummer), r.toevoeging, r.wijk], PLAIN_CSV));
  return parts.join('');
}

export function renderDeliveryCsv(delivery: Delivery): string {
  const source = sourceByName(delivery.source);
  const fmt = formatOf(source);
  const lines = [
    csvLine(source.columns, fmt),
    ...delivery.rows.map((row) =>
      csvLine(
        source.columns.map((c) => fieldOf(row, c, source)),
        fmt,
      ),
    ),
  ];
  return (source.excelExport ? '\uFEFF' : '') + lines.join('');
}

function formatOf(source: DemoSource): CsvFormat {
  return { delimiter: source.delimiter, decimalComma: source.decimalComma, quoteAll: source.quoteAll, eol: source.excelExport ? '\r\n' : '\n' };
}

function fieldOf(row: FeedRow, column: string, source: DemoSource): string {
  switch (column) {
    case 'value':
      return row.value === null ? '' : formatNumber(row.value, source.decimalComma);
    case 'huisnummer':
      return row.huisnummer === null ? '' : String(row.huisnummer);
    case 'source':
    case 'record_id':
    case 'indicator':
    case 'observed_on':
    case 'bsn':
    case 'postcode':
    case 'toevoeging':
      return row[column];
    default:
      throw new Error(`onbekende kolom ${column}`);
  }
}

export async function writeCityFiles(outDir: string, city: DemoCity): Promise<WriteDemoResult> {
  await mkdir(outDir, { recursive: true });
  const registryFile = join(outDir, 'registry.csv');
  await writeFile(registryFile, renderRegistryCsv(city));
  const dropsDir = join(outDir, 'drops');
  await rm(dropsDir, { recursive: true, force: true });
  for (const s of DEMO_SOURCES) await mkdir(join(dropsDir, s.name), { recursive: true });
  let deliveryFiles = 0;
  for (const d of city.deliveries()) {
    await writeFile(join(dropsDir, d.source, `${d.week}.csv`), renderDeliveryCsv(d));
    deliveryFiles++;
  }
  const manifestFile = join(outDir, 'manifest.json');
  await writeFile(manifestFile, `${JSON.stringify(manifestOf(city), null, 2)}\n`);
  const truthFile = join(outDir, 'truth.csv');
  await writeFile(truthFile, renderTruthCsv(city.households));
  const registryRows = city.stats.persons;
  return { outDir, registryFile, registryRows, deliveryFiles, signalRows: city.stats.signalRows, manifestFile, truthFile };
}

function manifestOf(city: DemoCity): object {
  return {
    generator: 'vroegsignaal-demo-city',
    formatVersion: 1,
    seed: city.seed,
    asOf: city.asOf,
    weeks: city.weeks,
    firstWeek: city.weekEnds[0],
    lastWeek: city.weekEnds[city.weekEnds.length - 1],
    note: 'Synthetische stad naar de Groningse quickscan. Geen namen, nationaliteit of etniciteit. truth.csv bevat de latente groepen (alleen voor evaluatie, nooit importeren).',
    files: { registry: 'registry.csv', drops: 'drops/<source>/<YYYY-MM-DD>.csv', truth: 'truth.csv' },
    sources: DEMO_SOURCES.map((s) => ({
      name: s.name,
      indicators: s.indicators,
      intervalDays: s.intervalDays,
      delimiter: s.delimiter,
      decimalComma: s.decimalComma,
      quoteAll: s.quoteAll,
      bomAndCrlf: s.excelExport,
      subject: s.subject,
      columns: s.columns,
      deliveries: city.stats.deliveriesPerSource[s.name] ?? 0,
      rows: city.stats.rowsPerSource[s.name] ?? 0,
    })),
    counts: city.stats,
  };
}

/** Latent multi-problem and at-risk families, by address key (contract section 1). */
function renderTruthCsv(households: readonly Household[]): string {
  const lines = [csvLine(['address_key', 'wijk', 'group'], PLAIN_CSV)];
  for (const h of households) {
    if (h.group === 'base') continue;
    lines.push(csvLine([`${h.postcode}-${h.huisnummer}-${h.toevoeging}`, WIJKEN[h.wijk]?.name ?? '', h.group], PLAIN_CSV));
  }
  return lines.join('');
}
