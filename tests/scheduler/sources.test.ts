import { describe, expect, it } from 'vitest';
import { checkSource, SourceInvalid } from '../../server/src/services/sources.ts';

const AT = '2026-10-01T10:00:00.000Z';
const errorsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof SourceInvalid) return e.errors;
    throw e;
  }
  return [];
};

describe('a source configuration', () => {
  it('gets defaults for what is not given', () => {
    expect(checkSource({ name: 'woco', indicators: ['huurachterstand', 'huurachterstand'], folder: '/srv/drops/woco' }, null, AT)).toEqual({
      name: 'woco', indicators: ['huurachterstand'], fetch: { kind: 'folder', folder: '/srv/drops/woco' }, schedule: '*/5 * * * *',
      expectedIntervalDays: 7, columnMapping: null, enabled: true, createdAt: AT, updatedAt: AT,
    });
    expect(checkSource({ name: 'ggz', indicators: ['ggz_zorg'], url: 'https://ggz.example/feed' }, null, AT).schedule).toBe('0 * * * *');
  });

  it('reports every mistake at once', () => {
    expect(errorsOf(() => checkSource({ name: '', indicators: ['geluk'], url: 'ftp://x', schedule: '* * * * * *', expectedIntervalDays: 0, columnMapping: { nr: 'naam' } }, null, AT))).toEqual([
      'name must be 1-64 lower-case letters, digits, dots, dashes or underscores',
      "indicator 'geluk' is not in the catalogue",
      "url 'ftp://x' is not an http(s) URL",
      "schedule '* * * * * *' is not a valid cron expression of 5 fields",
      'expectedIntervalDays must be a whole number of days, 1 to 366',
      "columnMapping maps 'nr' to 'naam', which is not a feed column (source, record_id, indicator, observed_on, value, bsn, postcode, huisnummer, toevoeging)",
    ]);
    expect(errorsOf(() => checkSource({ name: 'x', indicators: ['ggz_zorg'], folder: '/a', url: 'https://b' }, null, AT))).toContain('give either folder or url, not both');
  });

  it('keeps a drop folder from the API inside the drop root', () => {
    const base = { name: 'x', indicators: ['ggz_zorg'] as string[] };
    const policy = { folderRoot: '/srv/vroegsignaal/data' };
    expect(checkSource({ ...base, folder: '/srv/vroegsignaal/data/drops/x' }, null, AT, policy).fetch).toEqual({ kind: 'folder', folder: '/srv/vroegsignaal/data/drops/x' });
    for (const folder of ['/etc', '/srv/vroegsignaal/data/../secrets', '/srv/vroegsignaal/data', 'drops/x']) {
      expect(errorsOf(() => checkSource({ ...base, folder }, null, AT, policy))).toEqual(['folder must be an absolute path inside /srv/vroegsignaal/data']);
    }
  });

  it('changes only what is given, and keeps the auth header of a URL', () => {
    const current = checkSource({ name: 'ggz', indicators: ['ggz_zorg'], url: 'https://ggz.example/feed', authHeader: { name: 'Authorization', value: 'Bearer x' } }, null, AT);
    const changed = checkSource({ enabled: false, columnMapping: { Kenmerk: 'record_id' } }, current, '2026-10-02T00:00:00.000Z');
    expect(changed).toMatchObject({ enabled: false, columnMapping: { kenmerk: 'record_id' }, fetch: current.fetch, createdAt: AT, updatedAt: '2026-10-02T00:00:00.000Z' });
  });
});
