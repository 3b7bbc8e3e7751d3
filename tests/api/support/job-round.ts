import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Scheduler } from '../../../server/src/scheduler/scheduler.ts';
import { addSource, sourcePolicy } from '../../../server/src/services/sources.ts';
import type { Dialect } from '../../helpers/databases.ts';
import { engineContext } from '../../helpers/engine.ts';
import { TEST_SETTINGS, feedCsv } from '../../scheduler/helpers.ts';
import { createApiFixture, type ApiFixture } from './fixture.ts';

/** An HTTP source on 127.0.0.1: `rows` rows of woco-http at /feed.csv, 502 for every other path. */
async function deliveryServer(rows: number) {
  const server = http.createServer((req, res) => {
    if (req.url === '/feed.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(feedCsv('woco-http', rows, 'h'));
    res.writeHead(502).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface JobRound {
  f: ApiFixture;
  /** Runs the jobs by hand; it never sleeps between retries. The test stops it. */
  scheduler: Scheduler;
  policy: ReturnType<typeof sourcePolicy>;
  /** The delivery server's address, for more HTTP sources. */
  base: string;
  close(): Promise<void>;
}

interface JobRoundOptions {
  /** The drop folder. */
  root: string;
  /** How many rows the HTTP source delivers. */
  httpRows: number;
  /** The contents of woco-map's week-41.csv. */
  week41: string;
}

/**
 * An API fixture set up for a round of real pulls: the source woco-map, a folder holding
 * week-41.csv and kapot.csv (a file rejected as a whole), and woco-http, a file on a local HTTP
 * server the pulls are allowed to reach.
 */
export async function prepareJobRound(dialect: Dialect, { root, httpRows, week41 }: JobRoundOptions): Promise<JobRound> {
  const server = await deliveryServer(httpRows);
  const allowed = [{ host: '127.0.0.1', port: server.port }];
  const f = await createApiFixture(dialect, { dropRoot: root, pullAllowedHosts: allowed });
  const settings = { ...TEST_SETTINGS, dropRoot: root, pullAllowedHosts: allowed };
  const policy = sourcePolicy(settings);
  const base = `http://127.0.0.1:${server.port}`;
  await addSource(f.t.db, f.clock, { name: 'woco-map', indicators: ['huurachterstand'], folder: 'woco-map' }, policy);
  await addSource(f.t.db, f.clock, { name: 'woco-http', indicators: ['huurachterstand'], url: `${base}/feed.csv` }, policy);
  fs.mkdirSync(path.join(root, 'woco-map'), { recursive: true });
  fs.writeFileSync(path.join(root, 'woco-map', 'week-41.csv'), week41);
  fs.writeFileSync(path.join(root, 'woco-map', 'kapot.csv'), 'geen,kolommen\n1,2\n');
  const scheduler = new Scheduler({ engine: { ...engineContext(f.t.db, f.clock), actor: 'scheduler' }, settings, sleep: async () => undefined });
  return {
    f,
    scheduler,
    policy,
    base,
    close: async () => {
      await f.close();
      await server.close();
    },
  };
}
