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
    const changed = await s.agent.request({ method: 'PATCH', url: '/api/sources/woco-token', payload: { url: 'https://example.com/v2.csv?key=anders-geheim' } });
    expect(changed.json().location).toBe('https://example.com/v2.csv?key=…');
    const list = await s.agent.request({ method: 'GET', url: '/api/sources' });
    expect(list.json().find((x: { name: string }) => x.name === 'woco-token').location).toBe('https://example.com/v2.csv?key=…');
    for (const body of [created.body, changed.body, list.body]) expect(body).not.toMatch(/geheim/);
  });
});
