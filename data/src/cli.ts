// CLI: pnpm exec tsx data/src/cli.ts demo --out DIR [--seed N] [--as-of D] [--weeks N]
//      pnpm exec tsx data/src/cli.ts bench --out DIR --households N [--seed N] [--as-of D] [--signals-per-household N]

import { parseArgs } from 'node:util';
import { writeBenchCity } from './bench-city.ts';
import { todayIso } from './dates.ts';
import { DEMO_SOURCES, writeDemoCity } from './demo-city.ts';

const USAGE = `gebruik:
  tsx data/src/cli.ts demo --out MAP [--seed N] [--as-of JJJJ-MM-DD] [--weeks N]
  tsx data/src/cli.ts bench --out MAP --households N [--seed N] [--as-of JJJJ-MM-DD] [--signals-per-household N]`;

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  weeks: { type: 'string' },
  households: { type: 'string' },
  'signals-per-household': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const verb = positionals[0];
  if (values.help || !verb) return console.log(USAGE);
  if (!values.out) throw new Error('--out MAP is verplicht');
  if (verb === 'demo') return runDemo(values.out, values);
  if (verb === 'bench') return runBench(values.out, values);
  throw new Error(`onbekende opdracht '${verb}'\n${USAGE}`);
}

function int(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new Error(`--${name} N is verplicht`);
    return fallback;
  }
  if (!/^\d+$/.test(text)) throw new Error(`--${name} moet een geheel getal zijn: ${text}`);
  return Number(text);
}

async function runDemo(out: string, values: Values): Promise<void> {
  const started = performance.now();
  const asOf = values['as-of'] ?? todayIso();
  const result = await writeDemoCity(out, { seed: int(values.seed, 'seed', 2026), asOf, weeks: int(values.weeks, 'weeks', 52) });
  const s = result.city.stats;
  console.log(`demostad geschreven naar ${out} in ${seconds(started)} s (seed ${result.city.seed}, peildatum ${asOf}, ${result.city.weeks} weken)`);
  console.log(
    `  registry.csv: ${s.persons} personen, ${s.households} huishoudens, ${s.gezinshuishoudens} gezinshuishoudens, ${s.minorsInGezinshuishoudens} minderjarigen daarin`,
  );
  console.log(
    `  drops/: ${result.deliveryFiles} leveringen, ${s.signalRows} signaalregels (${s.badRows} foutief, ${s.corrections} correcties, ${s.unlinkedRows} niet te koppelen)`,
  );
  for (const src of DEMO_SOURCES) {
    console.log(
      `    ${src.name.padEnd(24)} elke ${String(src.intervalDays).padStart(2)} dagen, '${src.delimiter}', ${s.rowsPerSource[src.name] ?? 0} regels in ${s.deliveriesPerSource[src.name] ?? 0} leveringen`,
    );
  }
  console.log(`  truth.csv: ${s.multiProblem} latente multiprobleemgezinnen, ${s.atRisk} risicogezinnen (alleen voor evaluatie)`);
  console.log(`  manifest.json (piekgeheugen ${peakMb()} MB)`);
}

async function runBench(out: string, values: Values): Promise<void> {
  const started = performance.now();
  const asOf = values['as-of'] ?? todayIso();
  const options = {
    seed: int(values.seed, 'seed', 2026),
    households: int(values.households, 'households'),
    signalsPerHousehold: int(values['signals-per-household'], 'signals-per-household', 10),
    asOf,
  };
  const r = await writeBenchCity(out, options);
  console.log(`benchstad geschreven naar ${out} in ${seconds(started)} s (seed ${options.seed}, peildatum ${asOf})`);
  console.log(`  registry.csv: ${r.persons} personen, ${r.households} huishoudens, ${r.gezinshuishoudens} gezinshuishoudens`);
  console.log(`  signals.csv: ${r.signals} signalen`);
  console.log(`  ${(r.bytes / 1e6).toFixed(1)} MB geschreven, piekgeheugen ${peakMb()} MB`);
}

function peakMb(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
