import { describe, expect, it } from 'vitest';
import { checkSource, SourceInvalid } from '../../server/src/services/sources.ts';

const AT = '2026-10-01T10:00:00.000Z';
const POLICY = { dropRoot: '/srv/drops', allowedHosts: [] };
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof SourceInvalid) return e.problems;
    throw e;
  }
  return [];
};

describe('a source configuration', () => {
  it('gets defaults for what is not given', () => {
    expect(checkSource({ name: 'woco', indicators: ['huurachterstand', 'huurachterstand'], folder: '/srv/drops/woco' }, null, AT, POLICY)).toEqual({
      name: 'woco',
      indicators: ['huurachterstand'],
      fetch: { kind: 'folder', folder: '/srv/drops/woco' },
      schedule: '*/5 * * * *',
      expectedIntervalDays: 7,
      columnMapping: null,
      enabled: true,
      createdAt: AT,
      updatedAt: AT,
    });
    expect(checkSource({ name: 'ggz', indicators: ['ggz_zorg'], url: 'https://ggz.example/feed' }, null, AT, POLICY).schedule).toBe('0 * * * *');
  });

  it('resolves a relative drop folder against the drop root', () => {
    expect(checkSource({ name: 'woco', indicators: ['huurachterstand'], folder: 'woco/./in' }, null, AT, POLICY).fetch).toEqual({
      kind: 'folder',
      folder: '/srv/drops/woco/in',
    });
  });

  it('reports every mistake at once, in Dutch, with the field', () => {
    expect(
      problemsOf(() =>
        checkSource(
          { name: '', indicators: ['geluk'], url: 'ftp://x', schedule: '* * * * * *', expectedIntervalDays: 0, columnMapping: { nr: 'naam' } },
          null,
          AT,
          POLICY,
        ),
      ),
    ).toEqual([
      { field: 'name', message: 'naam: 1 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes' },
      { field: 'indicators', message: "indicator 'geluk' staat niet in de catalogus" },
      { field: 'url', message: "alleen http- en https-URL's, geen ftp:" },
      { field: 'schedule', message: "schema '* * * * * *' is geen geldige cron-expressie van 5 velden" },
      { field: 'expected_interval_days', message: 'verwachte interval: een heel aantal dagen, 1 tot 366' },
      {
        field: 'column_mapping',
        message:
          "kolomtoewijzing zet 'nr' om naar 'naam', geen kolom van een levering (source, record_id, indicator, observed_on, value, bsn, postcode, huisnummer, toevoeging)",
      },
    ]);
    expect(problemsOf(() => checkSource({ name: 'x', indicators: ['ggz_zorg'], folder: '/a', url: 'https://b' }, null, AT, POLICY))).toContainEqual({
      field: 'folder',
      message: 'geef een map of een URL, niet allebei',
    });
  });

  it('changes only what is given, and keeps the auth header of a URL', () => {
    const current = checkSource(
      { name: 'ggz', indicators: ['ggz_zorg'], url: 'https://ggz.example/feed', authHeader: { name: 'Authorization', value: 'Bearer x' } },
      null,
      AT,
      POLICY,
    );
    const changed = checkSource({ enabled: false, columnMapping: { Kenmerk: 'record_id' } }, current, '2026-10-02T00:00:00.000Z', POLICY);
    expect(changed).toMatchObject({
      enabled: false,
      columnMapping: { kenmerk: 'record_id' },
      fetch: current.fetch,
      createdAt: AT,
      updatedAt: '2026-10-02T00:00:00.000Z',
    });
  });
});
