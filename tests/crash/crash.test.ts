import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { TEST_BSN_KEY, engineContext, tempFile } from '../helpers/engine.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { snapshot } from '../engine/support/snapshot.ts';
import { writeInProgress } from './write-lock.ts';

// Kill the ingesting process (SIGKILL) in the middle of a large file, ingest
// the file again, and the database must equal a clean single ingest: nothing
// lost, nothing twice.

const ROWS = 300_000;
const PERSONS = 6_000;
const VOLATILE = ['id', 'ingest_run_id', 'updated_at', 'created_at'];
const COMPARED = ['signals', 'quarantine', 'persons', 'households'];

function registryCsv(): string {
  const lines = ['bsn,birth_date,postcode,huisnummer,toevoeging,wijk'];
  for (let i = 0; i < PERSONS; i++) {
    const house = Math.floor(i / 3);
    const birth = i % 3 === 2 ? '2014-05-05' : '1980-01-01';
    lines.push(`${validBsn(i)},${birth},${9700 + (house % 100)}AB,${1 + Math.floor(house / 100)},,Wijk ${house % 7}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Linked by bsn or address, unlinked, bad rows, and corrections of earlier rows within the file. */
function feedCsv(): string {
  const indicators = ['huurachterstand', 'overlastmelding', 'schoolverzuim', 'ggz_zorg', 'werkloosheid'];
  const lines = ['source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging'];
  for (let i = 0; i < ROWS; i++) {
    const record = i % 50_000 === 7 && i > 50_000 ? i - 50_000 : i; // a later correction of an earlier row
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 9)).padStart(2, '0');
    const value = i % 1000 === 3 ? '-1' : (i % 7) + (i % 2 ? '.5' : '');
    const who = i % 4 === 0 ? `,${9700 + (i % 100)}AB,${1 + (i % 20)},` : `${validBsn(i % 5 === 1 ? PERSONS + (i % 500) : i % PERSONS)},,,`;
    lines.push(`src-${i % 3},r${record},${indicators[i % indicators.length]},2026-${month}-${day},${value},${who}`);
  }
  return `${lines.join('\n')}\n`;
}

function runIngest(file: string, t: TestDatabase) {
  const child = spawn('pnpm', ['--silent', 'mpg', 'feed', 'ingest', file], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: t.url, MPG_BSN_KEY: TEST_BSN_KEY },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  return { child, exited, isDone: () => done, output: () => ({ stdout, stderr }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('an ingest killed mid-way (%s)', (dialect) => {
  let crashed: TestDatabase;
  let clean: TestDatabase;
  let registry: string;
  let feed: string;
  beforeAll(async () => {
    [crashed, clean] = await Promise.all([createTestDatabase(dialect), createTestDatabase(dialect)]);
    registry = tempFile('registry.csv', registryCsv());
    feed = tempFile('feed.csv', feedCsv());
  }, 120_000);
  afterAll(async () => Promise.all([crashed?.drop(), clean?.drop()]));

  it('leaves, after a second ingest, the database of a clean single ingest', async () => {
    await importRegistry(engineContext(clean.db), registry);
    await importRegistry(engineContext(crashed.db), registry);

    const run = runIngest(feed, crashed);
    // Wait until the ingest provably holds its write transaction, let it work a second, then kill it.
    let sawWrite = false;
    for (let i = 0; i < 600 && !run.isDone() && !sawWrite; i++) {
      sawWrite = await writeInProgress(crashed);
      if (!sawWrite) await sleep(100);
    }
    expect(sawWrite, `the ingest never started writing: ${JSON.stringify(run.output())}`).toBe(true);
    await sleep(1000);
    expect(run.isDone(), 'the ingest finished before it could be killed; make the file larger').toBe(false);
    expect(await writeInProgress(crashed)).toBe(true);
    process.kill(-run.child.pid!, 'SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const again = runIngest(feed, crashed);
    const result = await again.exited;
    expect(result, JSON.stringify(again.output())).toEqual({ code: 0, signal: null });

    const reference = await ingestFeed(engineContext(clean.db), feed);
    expect(reference).toMatchObject({ read: ROWS, quarantined: ROWS / 1000 });
    const expected = await snapshot(clean.db, { dropColumns: VOLATILE });
    const actual = await snapshot(crashed.db, { dropColumns: VOLATILE });
    for (const table of COMPARED) {
      expect(actual[table]!.length, table).toBe(expected[table]!.length);
      expect(actual[table], table).toEqual(expected[table]);
    }
    const okRuns = await crashed.db.selectFrom('ingest_runs').select(['stored', 'read_rows']).where('kind', '=', 'feed').where('status', '=', 'ok').execute();
    expect(okRuns.at(-1)).toEqual({ read_rows: ROWS, stored: expect.any(Number) });
  }, 400_000);
});
