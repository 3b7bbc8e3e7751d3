import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, createUserByApi, type Agent, type ApiFixture } from './support/fixture.ts';
import { draftDefinition } from './support/requests.ts';

// Four eyes at the HTTP boundary: the approval names the exact version and a reason; nobody
// who wrote, edited or requested the content approves it; only the requester withdraws;
// an edit after the request voids it.

describe.each(DIALECTS)('four eyes on rule sets (%s)', (dialect) => {
  let f: ApiFixture;
  let a: Agent;
  let b: Agent;
  let c: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    a = await f.login('beleidsmaker');
    b = await f.login('beleidsmaker2');
    const admin = await f.login('beheerder');
    const password = 'een lang en sterk wachtwoord 3';
    const created = await createUserByApi(f, admin, { username: 'beleidsmaker3', role: 'beleidsmaker' }, password);
    expect(created.statusCode, created.body).toBe(201);
    c = await f.login('beleidsmaker3');
  });
  afterAll(async () => f?.close());

  let n = 0;
  const draft = async (by: Agent) => {
    n += 1;
    return (await by.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition(`Vier ogen ${n}`) })).json();
  };
  const edit = (by: Agent, d: { id: number; name: string }, threshold: number) =>
    by.request({ method: 'PUT', url: `/api/rule-sets/${d.id}`, payload: draftDefinition(d.name, threshold) });
  const request = async (by: Agent, id: number) => (await by.request({ method: 'POST', url: `/api/rule-sets/${id}/request-publication` })).json();
  const approve = (by: Agent, id: number, content_hash: string, reason = 'effect bekeken en akkoord') =>
    by.request({ method: 'POST', url: `/api/rule-sets/${id}/approve`, payload: { content_hash, reason } });
  const status = async (id: number) => (await a.request({ method: 'GET', url: `/api/rule-sets/${id}` })).json().status;

  it('says a set published through the operator CLI was imported via beheer', async () => {
    const t = (await c.request({ method: 'GET', url: '/api/transparency' })).json();
    expect(t.rule_set).toMatchObject({ approved_by: null, published_via: 'beheer' });
  });

  it('the author cannot approve, even when someone else requested publication', async () => {
    const d = await draft(a);
    const r = await request(b, d.id);
    const res = await approve(a, d.id, r.content_hash);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/vier-ogenprincipe/);
    expect(await status(d.id)).toBe('pending_approval');
  });

  it('an editor cannot approve', async () => {
    const d = await draft(a);
    expect((await edit(b, d, 4)).statusCode).toBe(200);
    const detail = (await a.request({ method: 'GET', url: `/api/rule-sets/${d.id}` })).json();
    expect(detail.history.map((e: any) => [e.kind, e.by])).toEqual([
      ['created', 'beleidsmaker'],
      ['edited', 'beleidsmaker2'],
    ]);
    const r = await request(a, d.id);
    expect((await approve(b, d.id, r.content_hash)).statusCode).toBe(403);
    expect((await approve(c, d.id, r.content_hash)).statusCode).toBe(200);
  });

  it('the requester cannot approve', async () => {
    const d = await draft(a);
    const r = await request(b, d.id);
    expect((await approve(b, d.id, r.content_hash)).statusCode).toBe(403);
    const denied = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'denied:approveRuleSet')
      .where('object_id', '=', String(d.id))
      .execute();
    expect(denied.map((e) => e.username)).toEqual(['beleidsmaker2']);
  });

  it('an earlier requester who withdrew cannot approve after someone else requested again', async () => {
    const d = await draft(a);
    await request(b, d.id);
    expect((await b.request({ method: 'POST', url: `/api/rule-sets/${d.id}/withdraw` })).statusCode).toBe(200);
    const r = await request(c, d.id);
    const res = await approve(b, d.id, r.content_hash);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/vier-ogenprincipe/);
    expect(await status(d.id)).toBe('pending_approval');
  });

  it('only the requester can withdraw a request', async () => {
    const d = await draft(a);
    await request(a, d.id);
    const other = await b.request({ method: 'POST', url: `/api/rule-sets/${d.id}/withdraw` });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/alleen wie de publicatie aanvroeg/);
    expect(await status(d.id)).toBe('pending_approval');
    const own = await a.request({ method: 'POST', url: `/api/rule-sets/${d.id}/withdraw` });
    expect(own.json()).toMatchObject({ status: 'draft', publication_requested_by: null });
  });

  it('refuses an approval naming another version with 409, in Dutch', async () => {
    const d = await draft(a);
    const r = await request(a, d.id);
    const stale = await approve(
      b,
      d.id,
      d.content_hash.replace(/.$/, (x: string) => (x === '0' ? '1' : '0')),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/niet de versie die ter goedkeuring ligt/);
    expect(await status(d.id)).toBe('pending_approval');
    expect((await approve(b, d.id, r.content_hash)).statusCode).toBe(200);
  });

  it('an edit after the request voids it, audited, and the old version can no longer be approved', async () => {
    const d = await draft(a);
    const r = await request(a, d.id);
    const edited = await edit(a, d, 7);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', publication_requested_by: null });
    expect(edited.json().content_hash).not.toBe(r.content_hash);
    expect(edited.json().history.map((e: any) => e.kind)).toEqual(['created', 'requested', 'voided', 'edited']);
    const audit = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'updateRuleSet')
      .where('object_id', '=', String(d.id))
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatch(/publicatieaanvraag vervallen/);
    expect((await approve(b, d.id, r.content_hash)).statusCode).toBe(409);
    const again = await request(a, d.id);
    expect((await approve(b, d.id, r.content_hash)).statusCode).toBe(409);
    expect((await approve(b, d.id, again.content_hash)).statusCode).toBe(200);
  });

  it('requires a reason and keeps it: on the rule set, in its history and in the audit log', async () => {
    const d = await draft(a);
    const r = await request(a, d.id);
    for (const reason of ['', '   ']) {
      const res = await approve(b, d.id, r.content_hash, reason);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('body.reason');
    }
    const missing = await b.request({ method: 'POST', url: `/api/rule-sets/${d.id}/approve`, payload: { content_hash: r.content_hash } });
    expect(missing.json()).toMatchObject({ statusCode: 400, field: 'body.reason', reason: 'ontbreekt' });
    const ok = await approve(b, d.id, r.content_hash, 'Minder gezinnen buiten beeld, besproken in het MT');
    expect(ok.json()).toMatchObject({
      status: 'published',
      approved_by: 'beleidsmaker2',
      approval_reason: 'Minder gezinnen buiten beeld, besproken in het MT',
      published_via: 'vier-ogen',
    });
    const detail = (await c.request({ method: 'GET', url: `/api/rule-sets/${d.id}` })).json();
    expect(detail.history.at(-1)).toMatchObject({
      kind: 'approved',
      by: 'beleidsmaker2',
      content_hash: r.content_hash,
      reason: 'Minder gezinnen buiten beeld, besproken in het MT',
    });
    const audit = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'approveRuleSet')
      .where('object_id', '=', String(d.id))
      .where('outcome', '=', 'success')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toContain('Minder gezinnen buiten beeld');
    const t = (await c.request({ method: 'GET', url: '/api/transparency' })).json();
    expect(t.rule_set).toMatchObject({ id: d.id, approved_by: 'beleidsmaker2', published_via: 'vier-ogen', published_at: ok.json().published_at });
  });
});
