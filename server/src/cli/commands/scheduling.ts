import fs from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { recentJobRuns } from '../../repositories/job-run-repository.ts';
import { sourcesWithHealth } from '../../services/source-health.ts';
import {
  addSource,
  changeSource,
  removeSource,
  SourceInvalid,
  sourcePolicy,
  redactedUrl,
  type SourceConfig,
  type SourceInput,
} from '../../services/sources.ts';
import { operatorPath, withEngine } from '../runtime.ts';
import { runSchedulerProcess } from '../../scheduler/run-process.ts';

/** `sources`, `jobs` and `scheduler` verbs (scheduled feed pulling). */
export function registerScheduling(program: Command): void {
  registerSources(program);
  program
    .command('jobs')
    .description('recent job runs: job, start, end, outcome, counts, error')
    .option('--limit <n>', 'how many runs', parseCount, 30)
    .option('--job <name>', 'only this job, e.g. scoring, retention, pull:<source>')
    .option('--json', 'as JSON')
    .action((opts: { limit: number; job?: string; json?: boolean }) =>
      withEngine(async ({ db }) => {
        const runs = await recentJobRuns(db, { limit: opts.limit, job: opts.job });
        if (opts.json)
          return void console.log(
            JSON.stringify(
              runs.map((r) => ({ ...r, counts: r.counts ? JSON.parse(r.counts) : null })),
              null,
              2,
            ),
          );
        if (runs.length === 0) return void console.log('no job runs yet');
        for (const r of runs) {
          const end = r.finished_at ? r.finished_at.slice(11, 19) : '…';
          console.log(
            `${r.started_at.slice(0, 19).replace('T', ' ')}–${end}  ${r.outcome.padEnd(7)} ${r.job.padEnd(32)} ${r.trigger.padEnd(8)} ${summary(r.counts)}${r.error ? `  error: ${r.error}` : ''}`,
          );
        }
      }),
    );
  program
    .command('scheduler')
    .description('run the scheduler alone in the foreground (pulls, weekly scoring, nightly retention)')
    .option('--run <job>', 'run this one job now and exit, e.g. scoring, retention, pull:<source>')
    .action((opts: { run?: string }) => runSchedulerProcess({ runOnce: opts.run }));
}

function registerSources(program: Command): void {
  const sources = program.command('sources').description('configured sources with their health');
  sources
    .command('list', { isDefault: true })
    .description('list the sources with their health (green, amber, red and why)')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) =>
      withEngine(async ({ db, clock }) => {
        const list = await sourcesWithHealth(db, clock);
        if (opts.json)
          return void console.log(
            JSON.stringify(
              list.map((s) => ({ ...s, source: masked(s.source) })),
              null,
              2,
            ),
          );
        if (list.length === 0) return void console.log('no sources configured; add one with `sources add`');
        for (const { source, health } of list) {
          const last = health.lastDeliveryAt ? health.lastDeliveryAt.slice(0, 16).replace('T', ' ') : 'never';
          const rows = health.lastRows === null ? '-' : `${health.lastRows}${health.usualRows === null ? '' : ` (usual ${Math.round(health.usualRows)})`}`;
          const q = health.quarantineShare === null ? '-' : `${(health.quarantineShare * 100).toFixed(1)}%`;
          console.log(
            `${health.status.padEnd(5)} ${source.name.padEnd(26)} last delivery: ${last}  rows: ${rows}  quarantined: ${q}  every ${source.expectedIntervalDays}d  ${fetchText(source)}  [${source.schedule}]${source.enabled ? '' : ' (disabled)'}`,
          );
          for (const reason of health.reasons) console.log(`      - ${reason}`);
        }
      }),
    );
  withSourceFlags(sources.command('add').description('add a source from a JSON file (--file) or from flags')).action((opts: SourceFlags) =>
    withEngine(async ({ db, clock }, config) => {
      const s = await addSource(db, clock, await inputOf(opts), sourcePolicy(config));
      console.log(`added source ${s.name}: ${fetchText(s)} [${s.schedule}]`);
    }),
  );
  withSourceFlags(sources.command('update').argument('<name>').description('change the given fields of a source')).action((name: string, opts: SourceFlags) =>
    withEngine(async ({ db, clock }, config) => {
      const s = await changeSource(db, clock, name, await inputOf(opts), sourcePolicy(config));
      console.log(`updated source ${s.name}: ${fetchText(s)} [${s.schedule}]${s.enabled ? '' : ' (disabled)'}`);
    }),
  );
  sources
    .command('remove')
    .argument('<name>')
    .description('remove a source (its signals and history stay)')
    .action((name: string) =>
      withEngine(async ({ db }) => {
        await removeSource(db, name);
        console.log(`removed source ${name}`);
      }),
    );
}

interface SourceFlags {
  file?: string;
  name?: string;
  indicators?: string;
  folder?: string;
  url?: string;
  authHeader?: string;
  schedule?: string;
  intervalDays?: number;
  map?: Record<string, string>;
  enabled?: boolean;
}

function withSourceFlags(command: Command): Command {
  return command
    .option('--file <file>', 'JSON: {name, indicators, folder | url, authHeader: {name, value}, schedule, expectedIntervalDays, columnMapping, enabled}')
    .option('--name <name>', 'name of the source, e.g. woningcorporatie-noord')
    .option('--indicators <list>', 'indicators it may deliver, comma-separated')
    .option('--folder <dir>', 'drop folder to poll')
    .option('--url <url>', 'http(s) URL to pull CSV or JSON from')
    .option('--auth-header <header>', "header sent with each pull, e.g. 'Authorization: Bearer …'")
    .option('--schedule <cron>', 'cron expression, 5 fields (default: every 5 minutes for a folder, hourly for a URL)')
    .option('--interval-days <n>', 'expected days between deliveries', parseCount)
    .option('--map <their=ours>', "column mapping, repeatable: the source's header name = the contract's", collectMapping)
    .option('--enabled', 'pull this source')
    .option('--disabled', 'stop pulling this source')
    .hook('preAction', (cmd) => {
      const o = cmd.opts();
      if (o.disabled) o.enabled = false;
    });
}

async function inputOf(opts: SourceFlags): Promise<SourceInput> {
  const input: SourceInput = opts.file ? await readSourceFile(operatorPath(opts.file)) : {};
  if (opts.name !== undefined) input.name = opts.name;
  if (opts.indicators !== undefined)
    input.indicators = opts.indicators
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (opts.folder !== undefined) input.folder = operatorPath(opts.folder);
  else if (input.folder !== undefined && opts.file) input.folder = operatorPath(input.folder);
  if (opts.url !== undefined) input.url = opts.url;
  if (opts.authHeader !== undefined) input.authHeader = parseHeader(opts.authHeader);
  if (opts.schedule !== undefined) input.schedule = opts.schedule;
  if (opts.intervalDays !== undefined) input.expectedIntervalDays = opts.intervalDays;
  if (opts.map !== undefined) input.columnMapping = { ...(input.columnMapping ?? {}), ...opts.map };
  if (opts.enabled !== undefined) input.enabled = opts.enabled;
  return input;
}

async function readSourceFile(file: string): Promise<SourceInput> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new SourceInvalid([{ field: 'file', message: `kan ${file} niet lezen: ${(e as NodeJS.ErrnoException).code ?? 'fout'}` }]);
  }
  try {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('verwacht één JSON-object');
    return json as SourceInput;
  } catch (e) {
    throw new SourceInvalid([{ field: 'file', message: `geen geldig bronbestand: ${(e as Error).message}` }]);
  }
}

function parseHeader(value: string): { name: string; value: string } | null {
  if (value === '') return null;
  const at = value.indexOf(':');
  if (at < 1) throw new InvalidArgumentError(`'${value}' is niet 'Naam: waarde'`);
  return { name: value.slice(0, at).trim(), value: value.slice(at + 1).trim() };
}

function collectMapping(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError(`'${value}' is niet hun=onze`);
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
}

function parseCount(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError(`'${value}' is geen positief geheel getal`);
  return Number(value);
}

function fetchText(s: SourceConfig): string {
  return s.fetch.kind === 'folder' ? `folder ${s.fetch.folder}` : `url ${redactedUrl(s.fetch.url)}${s.fetch.header ? ` (header ${s.fetch.header.name})` : ''}`;
}

/** Never print a stored auth secret. */
function masked(s: SourceConfig): SourceConfig {
  if (s.fetch.kind !== 'http') return s;
  return { ...s, fetch: { ...s.fetch, url: redactedUrl(s.fetch.url), header: s.fetch.header && { name: s.fetch.header.name, value: '***' } } };
}

function summary(counts: string | null): string {
  if (!counts) return '';
  const c = JSON.parse(counts) as Record<string, unknown>;
  return Object.entries(c)
    .filter(([, v]) => v !== 0 && v !== false && v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
