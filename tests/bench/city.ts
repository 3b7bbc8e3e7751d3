import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOwnCity } from './own-city.ts';
import { REPO_ROOT } from './processes.ts';

export interface City {
  dir: string;
  registry: string;
  signals: string;
  generator: string;
}

type BenchCityWriter = (outDir: string, o: { seed: number; households: number; signalsPerHousehold?: number; asOf: string }) => unknown;

/**
 * The seeded city of `households` addresses, generated once and cached under the
 * temp directory. Uses the data package's bench-city generator when it exists.
 */
export async function benchCity(seed: number, households: number, asOf: string): Promise<City> {
  const shared = path.join(REPO_ROOT, 'data/src/bench-city.ts');
  const generator = fs.existsSync(shared) ? 'data/src/bench-city.ts' : 'tests/bench/own-city.ts';
  const dir = path.join(os.tmpdir(), 'vs-bench-cities', `${generator.replace(/\W+/g, '_')}-${seed}-${households}-${asOf}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const started = performance.now();
    if (generator === 'data/src/bench-city.ts') {
      const mod = (await import(shared)) as { writeBenchCity: BenchCityWriter };
      await mod.writeBenchCity(dir, { seed, households, signalsPerHousehold: 10, asOf });
    } else {
      writeOwnCity(dir, { seed, households, signalsPerHousehold: 10, asOf });
    }
    fs.writeFileSync(done, '');
    console.error(`  generated city of ${households} households in ${((performance.now() - started) / 1000).toFixed(1)} s (${generator})`);
  }
  return { dir, registry: path.join(dir, 'registry.csv'), signals: path.join(dir, 'signals.csv'), generator };
}
