import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.ts';
import { missingWebWarning } from '../../server/src/cli/commands/serve.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture } from './support/fixture.ts';

// Behind the municipality's TLS proxy the client's address (login limits, audit) comes from
// X-Forwarded-For, but only when MPG_TRUST_PROXY names the proxy; otherwise the header is ignored.

const failedLoginIp = async (f: Awaited<ReturnType<typeof createApiFixture>>) => {
  const res = await f.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': '203.0.113.7' },
    payload: { username: 'beheerder', password: 'niet het juiste wachtwoord' },
  });
  expect(res.statusCode).toBe(401);
  const row = await f.t.db.selectFrom('audit_log').select('ip').where('event', '=', 'login_failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.ip;
};

describe.each(DIALECTS)('MPG_TRUST_PROXY (%s)', (dialect) => {
  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const trusted = await createApiFixture(dialect, { trustProxy: ['127.0.0.1'] }, false);
    try {
      expect(await failedLoginIp(trusted)).toBe('203.0.113.7');
    } finally {
      await trusted.close();
    }
    const hops = await createApiFixture(dialect, { trustProxy: 1 }, false);
    try {
      expect(await failedLoginIp(hops)).toBe('203.0.113.7');
    } finally {
      await hops.close();
    }
    const plain = await createApiFixture(dialect, {}, false);
    try {
      expect(await failedLoginIp(plain)).toBe('127.0.0.1');
    } finally {
      await plain.close();
    }
  });
});

describe('MPG_TRUST_PROXY in the configuration', () => {
  it('is off by default and takes a hop count or addresses and CIDR ranges', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', MPG_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test', MPG_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
  });

  it('refuses what is no address, range or count, naming the variable', () => {
    for (const bad of ['ja', '10.0.0.300', '10.0.0.0/40', '0', 'true']) {
      expect(() => loadConfig({ NODE_ENV: 'test', MPG_TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', MPG_TRUST_PROXY: bad }), bad).toThrow(/^MPG_TRUST_PROXY: /);
    }
  });
});

describe('mpg serve without a built dashboard', () => {
  it('warns in one line that web/dist is missing, and not when it is there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-web-'));
    const warning = missingWebWarning({ webDistDir: dir });
    expect(warning).toMatch(/^waarschuwing: het dashboard is niet gebouwd .*pnpm build/);
    expect(warning).not.toContain('\n');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    expect(missingWebWarning({ webDistDir: dir })).toBeNull();
    fs.rmSync(dir, { recursive: true });
  });
});
