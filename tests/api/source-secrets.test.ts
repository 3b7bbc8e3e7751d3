import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { useSignedInFixture } from './support/fixture.ts';

// What a beheerder gives as a secret of an HTTP source never comes back, and what
// would go out in a request header is a header.

describe.each(DIALECTS)('secrets of an HTTP source (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beheerder');
  const create = (name: string, extra: object) =>
    s.agent.request({ method: 'POST', url: '/api/sources', payload: { name, indicators: ['huurachterstand'], url: 'https://example.com/feed.csv', ...extra } });

  it('shows a query string with its values left out, on create, change and in the list', async () => {
    const created = await create('woco-token', { url: 'https://example.com/feed.csv?token=geheim&format=csv#deel' });
    expect(created.statusCode).toBe(201);
    expect(created.json().location).toBe('https://example.com/feed.csv?token=…&format=…');
    const changed = await s.agent.request({
      method: 'PATCH',
      url: '/api/sources/woco-token',
      payload: { url: 'https://example.com/v2.csv?key=anders-geheim' },
    });
    expect(changed.json().location).toBe('https://example.com/v2.csv?key=…');
    const list = await s.agent.request({ method: 'GET', url: '/api/sources' });
    expect(list.json().find((x: { name: string }) => x.name === 'woco-token').location).toBe('https://example.com/v2.csv?key=…');
    for (const body of [created.body, changed.body, list.body]) expect(body).not.toMatch(/geheim/);
  });

  let changes = 0;
  it.each([
    [{ name: 'X-Key', value: 'a\r\nInjected: 1' }, 'body.auth_header.value'],
    [{ name: 'X-Key', value: 'a\u0000b' }, 'body.auth_header.value'],
    [{ name: 'Host', value: 'intern.example' }, 'body.auth_header.name'],
    [{ name: 'cookie', value: 'sessie=1' }, 'body.auth_header.name'],
    [{ name: 'Transfer-Encoding', value: 'chunked' }, 'body.auth_header.name'],
    [{ name: 'X Key', value: 'a' }, 'body.auth_header.name'],
    [{ name: 'X-Key:', value: 'a' }, 'body.auth_header.name'],
  ])('refuses the auth header %j with a Dutch 400 naming %s, on create and on change', async (header, field) => {
    const res = await create('woco-kop', { auth_header: header });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().reason).toMatch(/^(de naam van de header|de waarde van de header|header .* zet de server zelf)/);
    expect(await s.f.t.db.selectFrom('sources').select('name').where('name', '=', 'woco-kop').execute()).toHaveLength(0);
    const name = `woco-wijzig-${++changes}`;
    expect((await create(name, {})).statusCode).toBe(201);
    const changed = await s.agent.request({ method: 'PATCH', url: `/api/sources/${name}`, payload: { auth_header: header } });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().field).toBe(field);
  });

  it('accepts an ordinary token header such as Authorization', async () => {
    const res = await create('woco-auth', { auth_header: { name: 'Authorization', value: 'Bearer abc.def' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().auth_header_name).toBe('Authorization');
  });
});
