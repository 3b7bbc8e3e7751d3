import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/src/api/auth.ts';
import { ENDPOINTS, type EndpointName } from '../../shared/src/api/endpoints.ts';
import { addSource } from '../../server/src/services/sources.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { feedCsv, tempDir } from '../scheduler/helpers.ts';
import type { Agent, ApiFixture } from './support/fixture.ts';
import { prepareJobRound, type JobRound } from './support/job-round.ts';

// The worked-example city with its scoring runs, then a round of pulls through the
// scheduler (a changed delivery, the same delivery again, failing ones), a scoring
// run and retention; then every GET endpoint of the endpoint table, as every user of
// every role allowed to call it (and without a session when it is public): no 5xx.

const USERS: Record<Role, string[]> = {
  coordinator: ['coordinator'],
  wijkteam: ['wijkteam', 'wijkteam2'],
  beleidsmaker: ['beleidsmaker', 'beleidsmaker2'],
  beheerder: ['beheerder'],
  privacy: ['privacy'],
};
const GETS = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => ENDPOINTS[name].method === 'GET');

function rolesOf(name: EndpointName): readonly Role[] {
  const roles = ENDPOINTS[name].roles;
  return roles === 'public' || roles === 'any' ? ROLES : roles;
}

describe.each(DIALECTS)('no GET endpoint answers 5xx after a round of jobs (%s)', (dialect) => {
  let f: ApiFixture;
  let round: JobRound | undefined;
  const agents = new Map<string, Agent>();
  const root = tempDir('vs-no5xx-');
  const params: Record<string, string> = {};

  beforeAll(async () => {
    round = await prepareJobRound(dialect, { root, httpRows: 6, week41: feedCsv('woco-map', 5, 'm') });
    f = round.f;
    const { scheduler, policy, base } = round;
    await addSource(f.t.db, f.clock, { name: 'woco-kapot', indicators: ['huurachterstand'], url: `${base}/kapot.csv` }, policy);

    const results = [];
    for (const job of ['pull:woco-map', 'pull:woco-http', 'pull:woco-http', 'pull:woco-kapot', 'scoring', 'retention']) {
      f.clock.advance(60_000);
      results.push(await scheduler.runNow(job));
    }
    await scheduler.stop();
    // The round did what it is meant to: changed, unchanged, failing.
    expect(results.map((r) => [r.job, r.status])).toEqual([
      ['pull:woco-map', 'failed'],
      ['pull:woco-http', 'ok'],
      ['pull:woco-http', 'ok'],
      ['pull:woco-kapot', 'failed'],
      ['scoring', 'ok'],
      ['retention', 'ok'],
    ]);
    expect(results[0]).toMatchObject({ counts: { files: 1, failedFiles: 1, stored: 5 } });
    expect(results[2]).toMatchObject({ counts: { sameAsLastDelivery: true } });

    for (const users of Object.values(USERS)) for (const u of users) agents.set(u, await f.login(u));
    const newestRun = (await f.t.db.selectFrom('scoring_runs').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const flag = await f.t.db
      .selectFrom('flags')
      .select('id')
      .where('run_id', '=', newestRun)
      .where('wijk', '=', 'Beijum')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const ruleSet = await f.t.db.selectFrom('rule_sets').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const request = await agents
      .get('privacy')!
      .request({ method: 'POST', url: '/api/privacy/requests', payload: { postcode: '9711AA', huisnummer: 1, received_on: '2026-10-02' } });
    const meeting = await agents.get('coordinator')!.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-10-12', wijken: ['Beijum'] } });
    expect(meeting.statusCode).toBe(200);
    await agents.get('coordinator')!.request({ method: 'POST', url: `/api/meetings/${meeting.json().id}/agenda`, payload: { flag_id: flag.id } });
    Object.assign(params, {
      meetingId: String(meeting.json().id),
      runId: String(newestRun),
      flagId: String(flag.id),
      id: String(ruleSet.id),
      name: 'woco-http',
      requestId: String(request.json().id),
    });
  }, 120_000);
  afterAll(async () => {
    await round?.close();
  });

  it('covers every GET endpoint of the table with real ids', () => {
    for (const name of GETS) {
      const url = ENDPOINTS[name].url.replace(/:(\w+)/g, (_, p: string) => params[p] ?? `:${p}`);
      expect(url, `${name}: give the sweep a real value for this route parameter`).not.toContain(':');
    }
    expect(GETS.length).toBeGreaterThan(15);
  });

  it('answers every GET endpoint below 500 for every user allowed to call it', async () => {
    let calls = 0;
    for (const name of GETS) {
      const url = ENDPOINTS[name].url.replace(/:(\w+)/g, (_, p: string) => params[p]!);
      if (ENDPOINTS[name].roles === 'public') {
        const res = await f.app.inject({ method: 'GET', url });
        expect.soft(res.statusCode, `anonymous ${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
      for (const role of rolesOf(name)) {
        for (const username of USERS[role]) {
          const res = await agents.get(username)!.request({ method: 'GET', url });
          calls++;
          expect.soft(res.statusCode, `${username} ${name} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
      }
    }
    expect(calls).toBeGreaterThan(GETS.length);
  });

  it('shows the job runs of the round to the beheerder, unchanged delivery and retention included', async () => {
    const res = await agents.get('beheerder')!.request({ method: 'GET', url: '/api/jobs' });
    expect(res.statusCode).toBe(200);
    const jobs = res.json().items as { job: string; outcome: string; counts: Record<string, unknown> | null }[];
    expect(jobs.some((j) => j.job === 'pull:woco-http' && j.counts?.sameAsLastDelivery === true)).toBe(true);
    expect(jobs.find((j) => j.job === 'retention')?.counts).toMatchObject({ signalsBefore: expect.any(String) });
    expect(
      jobs
        .filter((j) => j.outcome === 'failed')
        .map((j) => j.job)
        .sort(),
    ).toEqual(['pull:woco-kapot', 'pull:woco-map']);
  });
});
