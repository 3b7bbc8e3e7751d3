import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { runSchedulerProcess } from '../../scheduler/run-process.ts';
import { startHttpServer } from '../../server.ts';
import type { EngineContext } from '../../services/context.ts';
import { setUpDemo } from '../demo-setup.ts';
import { ensureDemoUsers } from '../../services/demo-users.ts';

/** `serve` (API server + scheduler) and `start` (demo city set-up, then serve). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the API server, the dashboard and the scheduler in one process')
    .action(() => runSchedulerProcess({ http: startHttp }));
  program
    .command('start')
    .description('first run: set up the demo city with a year of history and demo users, then serve')
    .action(() => runSchedulerProcess({ prepare: prepareDemo, http: startHttp }));
}

async function prepareDemo(ctx: EngineContext, config: Config): Promise<void> {
  if (config.env === 'production') {
    throw new Error('mpg start is de demo en maakt demogebruikers; in productie: mpg db migrate, mpg users create en mpg serve');
  }
  const log = (m: string) => console.log(m);
  const started = Date.now();
  const report = await setUpDemo(ctx, { demoDir: config.demoDir, settings: config, log });
  if (report.weeksBackfilled > 0) {
    log(
      `historie aangevuld: ${report.weeksBackfilled} weken leveringen, ${report.scoringRuns} scoringsrondes, in ${(report.backfillMs / 1000).toFixed(1)} s (alles samen ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  const users = await ensureDemoUsers(ctx.db, ctx.clock, config.env);
  if (users.length) {
    log('demogebruikers (wachtwoorden worden alleen nu getoond):');
    for (const u of users) log(`  ${u.username.padEnd(14)} ${u.role.padEnd(13)} ${u.password}`);
  } else {
    log('demogebruikers bestaan al (wachtwoorden zijn bij de eerste start getoond)');
  }
}

/** One line when the dashboard was not built (web/dist is not in git): only the API would answer. */
export function missingWebWarning(config: Pick<Config, 'webDistDir'>): string | null {
  if (fs.existsSync(path.join(config.webDistDir, 'index.html'))) return null;
  return `waarschuwing: het dashboard is niet gebouwd (${path.join(config.webDistDir, 'index.html')} ontbreekt); voer eerst pnpm install --frozen-lockfile en pnpm build uit, nu antwoordt alleen de API`;
}

/** The API server and the dashboard, next to the scheduler. */
async function startHttp(ctx: EngineContext, config: Config): Promise<{ close(): Promise<unknown> }> {
  const warning = missingWebWarning(config);
  if (warning) console.error(warning);
  return startHttpServer({ config, db: ctx.db, clock: ctx.clock, logStream: process.stderr });
}
