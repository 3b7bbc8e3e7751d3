import { INDICATOR_CATALOGUE } from '../../shared/src/contract.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { assembleLetter } from '../../server/src/services/access-letter.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { letterLabel, letterValueMeaning } from '../../server/src/services/letter-wording.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, TEST_BSN_KEY, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// A resident's letter names each kind of signal in plain Dutch: no abbreviation (JGZ, GGZ)
// and no slash, where the dashboard keeps the catalogue's short labels.

const PARENT_BSN = '908301662';
const ABBREVIATION = /\b[A-Z]{2,}\b|\//;

describe('the letter’s wording of indicators', () => {
  it('writes every indicator of the catalogue and its unit without abbreviations or slashes', () => {
    for (const { indicator } of INDICATOR_CATALOGUE) {
      expect(letterLabel(indicator), indicator).not.toMatch(ABBREVIATION);
      expect(letterValueMeaning(indicator), indicator).not.toMatch(ABBREVIATION);
    }
    expect(letterLabel('opvoedzorg')).toBe('Zorgen over de opvoeding (jeugdgezondheidszorg)');
    expect(letterValueMeaning('ggz_zorg')).toBe('één signaal van de geestelijke gezondheidszorg');
    // The dashboard's labels stay as its users know them.
    expect(INDICATOR_CATALOGUE.find((e) => e.indicator === 'opvoedzorg')?.label).toBe('Opvoedzorg (JGZ)');
  });
});

describe.each(DIALECTS)('a letter about health, upbringing and benefit signals (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
  });
  afterAll(async () => f?.close());

  it('names them in plain Dutch in its table of signals', async () => {
    const feed = tempFile(
      'zorg.csv',
      [
        'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging',
        `jeugdzorg,j-1,opvoedzorg,2026-09-20,1,${PARENT_BSN},,,`,
        `zorgloket,g-1,ggz_zorg,2026-09-21,1,${PARENT_BSN},,,`,
        `werkplein,w-1,werkloosheid,2026-09-22,1,${PARENT_BSN},,,`,
      ].join('\n'),
    );
    expect((await ingestFeed(engineContext(f.t.db, f.clock), feed)).stored).toBe(3);
    const request = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on: '2026-10-02' } });
    expect(request.statusCode).toBe(201);
    const ctx = { db: f.t.db, clock: f.clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam' };
    const letter = await assembleLetter(ctx, request.json().id, { retentionDays: 730, auditRetentionDays: 1826 });
    const rows = letter.sections.flatMap((s) => s.table?.rows ?? []);
    const kinds = rows.map((r) => [r[1], r[3]]);
    expect(kinds).toContainEqual(['Zorgen over de opvoeding (jeugdgezondheidszorg)', 'één signaal van de jeugdgezondheidszorg']);
    expect(kinds).toContainEqual(['Zorg van de geestelijke gezondheidszorg', 'één signaal van de geestelijke gezondheidszorg']);
    expect(kinds).toContainEqual(['Werkloosheid of bijstand', 'één volwassene met een uitkering']);
    const text = JSON.stringify(letter);
    for (const word of ['JGZ', 'GGZ', 'Werkloosheid / bijstand', 'Opvoedzorg']) expect(text).not.toContain(word);
  });
});
