import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { feedCsv, tempDir } from './helpers.ts';

// Each test runs the CLI as a child process about ten times; on a busy two-core machine that takes minutes.
describe.each(DIALECTS)('the sources, jobs and scheduler verbs (%s)', { timeout: 240_000 }, (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let folder: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    env = { DATABASE_URL: t.url, MPG_NOW: '2026-10-01T10:00:00Z', MPG_DROP_ROOT: os.tmpdir() };
    folder = tempDir();
  });
  afterAll(async () => t?.drop());

  it('adds sources from flags and from a JSON file, lists them with health, and refuses bad input', async () => {
    const add = await runCli(
      [
        'sources',
        'add',
        '--name',
        'woco-cli',
        '--indicators',
        'huurachterstand,overlastmelding',
        '--folder',
        folder,
        '--interval-days',
        '7',
        '--map',
        'Kenmerk=record_id',
      ],
      env,
    );
    expect(add).toMatchObject({ code: 0, stdout: expect.stringContaining('added source woco-cli') });
    const file = path.join(tempDir(), 'source.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'ggz-cli',
        indicators: ['ggz_zorg'],
        url: 'https://ggz.example/feed.json',
        authHeader: { name: 'Authorization', value: 'Bearer s3cret' },
        schedule: '0 3 * * *',
        expectedIntervalDays: 1,
      }),
    );
    expect(await runCli(['sources', 'add', '--file', file], env)).toMatchObject({ code: 0 });

    const list = await runCli(['sources'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/amber\s+ggz-cli .*last delivery: never/);
    expect(list.stdout).toContain('nog geen levering ontvangen');
    expect(list.stdout).not.toContain('s3cret');
    const json = JSON.parse((await runCli(['sources', '--json'], env)).stdout) as {
      source: { name: string; columnMapping: unknown; fetch: { header?: { value: string } } };
    }[];
    expect(json.map((s) => s.source.name)).toEqual(['ggz-cli', 'woco-cli']);
    expect(json[0]!.source.fetch.header?.value).toBe('***');
    expect(json[1]!.source.columnMapping).toEqual({ kenmerk: 'record_id' });

    const bad = await runCli(['sources', 'add', '--name', 'Bad Name', '--indicators', 'geluk', '--schedule', 'elke dag'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(
      /naam: 1 tot 64 .*; indicator 'geluk' staat niet in de catalogus; geef een map .* of een URL .*; schema 'elke dag' is geen geldige cron/,
    );

    const overlap = await runCli(
      ['sources', 'add', '--name', 'woco-archief', '--indicators', 'huurachterstand', '--folder', path.join(folder, 'processed')],
      env,
    );
    expect(overlap.code).not.toBe(0);
    expect(overlap.stderr).toContain(`ligt binnen de map van bron 'woco-cli'`);

    expect(await runCli(['sources', 'update', 'ggz-cli', '--disabled', '--schedule', '15 3 * * *'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('(disabled)'),
    });
    expect(await runCli(['sources', 'remove', 'ggz-cli'], env)).toMatchObject({ code: 0 });
    expect(await runCli(['sources', 'remove', 'ggz-cli'], env)).toMatchObject({ code: 1, stderr: "error: there is no source 'ggz-cli'\n" });
  });

  it('runs one job by hand and lists it under jobs', async () => {
    fs.writeFileSync(path.join(folder, 'delivery.csv'), feedCsv('woco-cli', 3).replace('record_id', 'Kenmerk'));
    const run = await runCli(['scheduler', '--run', 'pull:woco-cli'], env);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^pull:woco-cli: ok .*"files":1.*"read":3/) });
    const jobs = await runCli(['jobs'], env);
    expect(jobs.stdout).toMatch(/2026-10-01 10:00:00–10:00:00 {2}ok {6}pull:woco-cli +manual +files=1 read=3 stored=3 unlinked=3/);
    const health = await runCli(['sources'], env);
    expect(health.stdout).toMatch(/green woco-cli .*last delivery: 2026-10-01 10:00 {2}rows: 3/);
  });
});
