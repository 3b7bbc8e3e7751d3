import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

/** Every line the server logs, parsed. */
function logCapture() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe.each(DIALECTS)('an unexpected error in a real route (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  let base: string;
  const log = logCapture();
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false, { logStream: log.stream });
    admin = await f.login('beheerder');
    base = await f.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => f?.close());

  it('answers a generic Dutch 500 with the request id, and logs the cause with that id but without stack or data for the client', async () => {
    await f.t.db.schema.dropTable('job_runs').execute();
    const res = await fetch(`${base}/api/jobs?job=pull:woco-test`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      request_id: expect.any(String),
      message: `Er ging iets mis op de server. Noem bij een melding verzoeknummer ${body.request_id}.`,
    });
    expect(res.headers.get('x-request-id')).toBe(body.request_id);
    expect(text).not.toMatch(/job_runs|at .*\.ts|stack|select/i);

    const entry = log.lines.find((l) => l.msg === 'unexpected error');
    expect(entry).toMatchObject({
      level: 50,
      reqId: body.request_id,
      err: { message: expect.stringContaining('job_runs'), stack: expect.stringContaining('\n') },
    });
    // Only what identifies the fault: no request, no query parameters, no session.
    expect(Object.keys(entry!.err).sort()).toEqual(expect.arrayContaining(['message', 'stack', 'type']));
    expect(Object.keys(entry!.err).every((k) => ['type', 'message', 'stack', 'code'].includes(k))).toBe(true);
    const line = JSON.stringify(entry);
    expect(line).not.toContain('pull:woco-test');
    expect(line).not.toContain(admin.cookie.split('=')[1]!);
  });
});
