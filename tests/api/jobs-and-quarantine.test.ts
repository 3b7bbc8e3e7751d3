import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIdleRun } from '../../shared/src/api/job-details.ts';
import type { JobRunItem, JobRunPage } from '../../shared/src/api/operations.ts';
import type { RunResult } from '../../server/src/scheduler/job-runner.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { feedCsv, tempDir } from '../scheduler/helpers.ts';
import type { Agent, ApiFixture } from './support/fixture.ts';
import { prepareJobRound, type JobRound } from './support/job-round.ts';

// The beheerder's jobs page and the way from a source to its quarantined rows: a
// round of real pulls (a delivery with bad rows, a file rejected as a whole, many
// polls that find nothing, the same HTTP file twice), then the filters and pages.

/** Two rows whose bsn fails the elfproef, in a delivery of five good ones. */
const withBadRows = (source: string) =>
  `${feedCsv(source, 5, 'm')}${source},bad-1,huurachterstand,2026-09-02,1,111111111,,,\n${source},bad-2,huurachterstand,2026-09-03,1,222222222,,,\n`;

describe.each(DIALECTS)('beheerder: jobs filtered and paged, sources to their quarantine (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  let round: JobRound | undefined;
  const root = tempDir('vs-jobs-');
  const results: (Extract<RunResult, { runId: number }> & { at: string })[] = [];
  const get = async <T>(url: string) => {
    const res = await admin.request({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };

  beforeAll(async () => {
    round = await prepareJobRound(dialect, { root, httpRows: 4, week41: withBadRows('woco-map') });
    f = round.f;
    const { scheduler } = round;
    const run = async (job: string) => {
      f.clock.advance(5 * 60_000);
      const result = await scheduler.runNow(job);
      if (result.status === 'skipped') throw new Error(`${job} skipped: ${result.reason}`);
      results.push({ ...result, at: f.clock.now().toISOString() });
    };
    await run('pull:woco-map'); // one delivery stored, kapot.csv rejected: failed
    for (let i = 0; i < 6; i++) await run('pull:woco-map'); // empty folder
    await run('pull:woco-http');
    await run('pull:woco-http'); // the same file again
    await run('scoring');
    f.clock.advance(2 * 86_400_000);
    for (let i = 0; i < 4; i++) await run('pull:woco-map');
    await scheduler.stop();
    admin = await f.login('beheerder');
  }, 120_000);
  afterAll(async () => {
    await round?.close();
  });

  it('made the round it meant to: one failure, idle polls, one unchanged HTTP delivery', () => {
    expect(results.filter((r) => r.status === 'failed').map((r) => r.job)).toEqual(['pull:woco-map']);
    expect(results.filter((r) => isIdleRun(r.counts)).length).toBe(11);
    expect(results[0]).toMatchObject({ counts: { files: 1, failedFiles: 1, stored: 5, quarantined: 2 } });
  });

  it('pages the job runs newest first, every run exactly once', async () => {
    const first = await get<JobRunPage>('/api/jobs?page_size=5');
    expect(first).toMatchObject({ page: 1, page_size: 5, total: results.length });
    expect(first.jobs).toEqual(['pull:woco-http', 'pull:woco-map', 'scoring']);
    const seen: JobRunItem[] = [];
    for (let page = 1; page <= Math.ceil(results.length / 5); page++) seen.push(...(await get<JobRunPage>(`/api/jobs?page_size=5&page=${page}`)).items);
    expect(seen.map((r) => r.id)).toEqual(results.map((r) => r.runId).reverse());
    expect((await get<JobRunPage>(`/api/jobs?page_size=5&page=${Math.ceil(results.length / 5) + 1}`)).items).toEqual([]);
  });

  it('filters by job, outcome, period and leaves out the polls that found nothing', async () => {
    const ids = (rs: typeof results) => rs.map((r) => r.runId).reverse();
    const byJob = await get<JobRunPage>('/api/jobs?job=pull:woco-http');
    expect(byJob.items.map((r) => r.id)).toEqual(ids(results.filter((r) => r.job === 'pull:woco-http')));
    const failed = await get<JobRunPage>('/api/jobs?outcome=failed');
    expect(failed.items.map((r) => r.id)).toEqual(ids(results.filter((r) => r.status === 'failed')));
    expect(failed.items[0]!.error).toContain('kapot.csv geweigerd');
    const busy = await get<JobRunPage>('/api/jobs?skip_idle=true&page_size=100');
    expect(busy.items.map((r) => r.id)).toEqual(ids(results.filter((r) => !isIdleRun(r.counts))));
    expect(busy.total).toBe(results.length - 11);
    const lastDay = results.at(-1)!.at.slice(0, 10);
    const later = await get<JobRunPage>(`/api/jobs?from=${lastDay}&to=${lastDay}`);
    expect(later.items.map((r) => r.id)).toEqual(ids(results.filter((r) => r.at.startsWith(lastDay))));
    expect(later.total).toBe(4);
    const before = await get<JobRunPage>(`/api/jobs?to=${results[0]!.at.slice(0, 10)}&job=pull:woco-map&skip_idle=true`);
    expect(before.items.map((r) => r.id)).toEqual([results[0]!.runId]);
  });

  it('refuses query parameters that do not fit, with the field named', async () => {
    for (const [query, field] of [
      ['page=0', 'querystring.page'],
      ['page_size=201', 'querystring.page_size'],
      ['outcome=kapot', 'querystring.outcome'],
      ['from=2026-02-30', 'querystring.from'],
      ['to=morgen', 'querystring.to'],
      ['limit=5', 'querystring'],
      ['skip_idle=misschien', 'querystring.skip_idle'],
      ['page=1e1', 'querystring.page'],
    ]) {
      const res = await admin.request({ method: 'GET', url: `/api/jobs?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().field ?? 'querystring', query).toContain(field);
    }
  });

  it('links each source to its quarantined rows and its last failure', async () => {
    const sources = await get<{ name: string; quarantined_rows: number; last_failure: { id: number; error: string | null } | null }[]>('/api/sources');
    const map = sources.find((s) => s.name === 'woco-map')!;
    const failedRun = results.find((r) => r.status === 'failed')!;
    expect(map).toMatchObject({ quarantined_rows: 2, last_failure: { id: failedRun.runId, error: expect.stringContaining('kapot.csv') } });
    expect(sources.find((s) => s.name === 'woco-http')).toMatchObject({ quarantined_rows: 0, last_failure: null });
    const rows = await get<{ items: { ingest_run_id: number; reasons: string[] }[]; total: number }>('/api/quarantine?source=woco-map');
    expect(rows.total).toBe(2);
    expect(rows.items.map((r) => r.reasons)).toEqual([['bsn voldoet niet aan de elfproef'], ['bsn voldoet niet aan de elfproef']]);
    const runs = await f.t.db.selectFrom('ingest_runs').select('id').where('source_name', '=', 'woco-map').execute();
    expect(runs.map((r) => r.id)).toContain(rows.items[0]!.ingest_run_id);
    // The worked example's own deliveries have quarantined rows too, but no configured source.
    expect((await get<{ total: number }>('/api/quarantine')).total).toBeGreaterThan(2);
    expect((await get<{ total: number }>('/api/quarantine?source=woco-http')).total).toBe(0);
    expect((await admin.request({ method: 'GET', url: '/api/quarantine?source=' })).statusCode).toBe(400);
  });

  it('lists the known wijken to choose from, for the beheerder only', async () => {
    const wijken = await get<string[]>('/api/wijken');
    expect(wijken).toEqual(expect.arrayContaining(['Beijum', 'Lewenborg', 'Vinkhuizen']));
    expect(wijken).toEqual([...wijken].sort((a, b) => a.localeCompare(b, 'nl')));
    const households = await f.t.db.selectFrom('households').select('wijk').distinct().execute();
    expect(wijken).toHaveLength(households.length);
    const wijkteam = await f.login('wijkteam');
    expect((await wijkteam.request({ method: 'GET', url: '/api/wijken' })).statusCode).toBe(403);
  });
});
