import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { expectFailure } from './support.ts';

// A wrong value in the environment stops the program before it touches anything,
// with one line naming the variable.

describe('configuration is checked before anything runs', () => {
  const fresh = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vs-config-')), 'db.sqlite');

  it.each([
    [{ MPG_PULL_RETRIES: 'abc' }, /^error: MPG_PULL_RETRIES: expected a whole number from 0 to 100, got 'abc'$/],
    [{ MPG_RETENTION_DAYS: '-5' }, /^error: MPG_RETENTION_DAYS: expected a whole number/],
    [{ MPG_SCORING_CRON: '0 6 * *' }, /^error: MPG_SCORING_CRON: expected a cron expression/],
    [{ MPG_RETENTION_CRON: '61 2 * * *' }, /^error: MPG_RETENTION_CRON: expected a cron expression/],
    [{ NODE_ENV: 'Production' }, /^error: NODE_ENV: expected one of development, production, test, got 'Production'$/],
    [{ NODE_ENV: 'staging' }, /^error: NODE_ENV: expected one of development, production, test/],
    [{ MPG_AUDIT_RETENTION_DAYS: '5 jaar' }, /^error: MPG_AUDIT_RETENTION_DAYS: expected a whole number/],
    [{ MPG_TIME_ZONE: 'Europe/Groningen' }, /^error: MPG_TIME_ZONE: expected an IANA time zone/],
    [{ MPG_SMTP_SECURITY: 'ssl' }, /^error: MPG_SMTP_SECURITY: expected one of starttls, tls, none, got 'ssl'$/],
    [{ MPG_SMTP_USER: 'vroegsignaal' }, /^error: MPG_SMTP_USER: set both MPG_SMTP_USER and MPG_SMTP_PASSWORD, or neither$/],
    [{ MPG_DASHBOARD_URL: 'vroegsignaal.gemeente.nl' }, /^error: MPG_DASHBOARD_URL: expected an http\(s\):\/\/ URL/],
  ])(
    '%j stops `mpg db migrate` with one line and exit 1, creating nothing',
    async (env, line) => {
      const file = fresh();
      const r = await runCli(['db', 'migrate'], { DATABASE_URL: file, ...env });
      expectFailure(r, line);
      expect(r.code).toBe(1);
      expect(fs.existsSync(file)).toBe(false);
    },
    60_000,
  );

  it('refuses production with the development key, and runs with the defaults', async () => {
    expectFailure(await runCli(['db', 'migrate'], { DATABASE_URL: fresh(), NODE_ENV: 'production', MPG_BSN_KEY: '' }), /^error: MPG_BSN_KEY: /);
    const file = fresh();
    const ok = await runCli(['db', 'migrate'], { DATABASE_URL: file, NODE_ENV: 'test' });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  }, 60_000);
});
