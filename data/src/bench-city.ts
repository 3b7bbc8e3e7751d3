// Scalable bench city: registry.csv and one big signals.csv, streamed in constant memory.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEED_COLUMNS, REGISTRY_COLUMNS } from '@vroegsignaal/shared';
import { adultsOf, benchAddress, benchAgeDays, householdKey, minorsOf, SLOTS } from './bench/shape.ts';
import { signalLine, type SignalContext } from './bench/signals.ts';
import { BSN_CAPACITY, BsnSequence } from './bsn.ts';
import { ChunkWriter } from './chunk-writer.ts';
import { formatDay, parseDay } from './dates.ts';
import { Rng } from './random.ts';

export interface BenchCityOptions {
  seed?: number;
  households: number;
  signalsPerHousehold?: number;
  /** Registry ages and signal dates are relative to this date (`YYYY-MM-DD`). */
  asOf: string;
}

export interface BenchCityResult {
  outDir: string;
  registryFile: string;
  signalsFile: string;
  households: number;
  persons: number;
  gezinshuishoudens: number;
  signals: number;
  bytes: number;
}

/** observed_on is spread over the 400 days up to asOf. */
const SPAN_DAYS = 400;

export async function writeBenchCity(outDir: string, options: BenchCityOptions): Promise<BenchCityResult> {
  const seed = options.seed ?? 2026;
  const { households } = options;
  const perHousehold = options.signalsPerHousehold ?? 10;
  checkOptions(seed, households, perHousehold);
  const asOfDay = parseDay(options.asOf);
  await mkdir(outDir, { recursive: true });
  const bsns = new BsnSequence(seed);
  const registryFile = join(outDir, 'registry.csv');
  const registry = await writeRegistry(registryFile, seed, households, asOfDay, bsns);
  const signalsFile = join(outDir, 'signals.csv');
  const signals = households * perHousehold;
  const ctx: SignalContext = { rng: new Rng(seed, 'bench-signals'), seed, households, asOfDay, bsns, spanDays: SPAN_DAYS };
  const signalBytes = await writeSignals(signalsFile, ctx, signals);
  const result = {
    outDir,
    registryFile,
    signalsFile,
    households,
    persons: registry.persons,
    gezinshuishoudens: registry.families,
    signals,
    bytes: registry.bytes + signalBytes,
  };
  const manifest = {
    generator: 'vroegsignaal-bench-city',
    seed,
    asOf: options.asOf,
    signalsPerHousehold: perHousehold,
    files: { registry: 'registry.csv', signals: 'signals.csv' },
    households,
    persons: registry.persons,
    gezinshuishoudens: registry.families,
    signals,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return result;
}

function checkOptions(seed: number, households: number, perHousehold: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed moet een geheel getal ≥ 0 zijn: ${seed}`);
  const max = Math.floor(BSN_CAPACITY / SLOTS);
  if (!Number.isInteger(households) || households < 1 || households > max) throw new Error(`households moet tussen 1 en ${max} liggen: ${households}`);
  if (!Number.isInteger(perHousehold) || perHousehold < 0) throw new Error(`signalsPerHousehold moet een geheel getal ≥ 0 zijn: ${perHousehold}`);
}

async function writeRegistry(
  path: string,
  seed: number,
  households: number,
  asOfDay: number,
  bsns: BsnSequence,
): Promise<{ persons: number; families: number; bytes: number }> {
  const out = new ChunkWriter(path);
  out.add(`${REGISTRY_COLUMNS.join(',')}\n`);
  let persons = 0;
  let families = 0;
  for (let i = 0; i < households; i++) {
    const key = householdKey(seed, i);
    const adults = adultsOf(key);
    const size = adults + minorsOf(key);
    if (size > adults) families++;
    const a = benchAddress(i);
    const tail = `${a.postcode},${a.huisnummer},${a.toevoeging},${a.wijk}\n`;
    let lines = '';
    for (let m = 0; m < size; m++) lines += `${bsns.at(i * SLOTS + m)},${formatDay(asOfDay - benchAgeDays(key, m, adults))},${tail}`;
    persons += size;
    if (out.add(lines)) await out.flush();
  }
  await out.close();
  return { persons, families, bytes: out.bytes };
}

async function writeSignals(path: string, ctx: SignalContext, rows: number): Promise<number> {
  const out = new ChunkWriter(path);
  out.add(`${FEED_COLUMNS.join(',')}\n`);
  for (let r = 0; r < rows; r++) {
    if (out.add(signalLine(ctx, r))) await out.flush();
  }
  await out.close();
  return out.bytes;
}
