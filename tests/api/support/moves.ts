import path from 'node:path';
import { importRegistry } from '../../../server/src/services/registry-import.ts';
import { ingestFeed } from '../../../server/src/services/feed-ingest.ts';
import { readRuleSetFile, storeRuleSet } from '../../../server/src/services/rule-sets.ts';
import { EXAMPLE_DIR, engineContext, tempFile } from '../../helpers/engine.ts';
import type { ApiFixture } from './fixture.ts';

// Families moving house through real registry imports: registry and feed files built from
// rows, and the imports run at the instant a scenario names on the fixture's clock.

export interface Family {
  parent: string;
  child: string;
}

const REGISTRY_HEADER = 'bsn,birth_date,postcode,huisnummer,toevoeging,wijk';
const FEED_HEADER = 'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging';

/** A registry row: a person in Beijum at an address key such as `9711AA-1-`. */
export const person = (bsn: string, birth: string, address: string) => {
  const [postcode, huisnummer] = address.split('-');
  return `${bsn},${birth},${postcode},${huisnummer},,Beijum`;
};

/** A parent born in 1985 and a child born in 2014 at one address. */
export const family = (f: Family, address: string) => [person(f.parent, '1985-01-01', address), person(f.child, '2014-01-01', address)];

/** A registry file with these rows under the contract's header. */
export const registryFile = (name: string, rows: string[]) => tempFile(name, `${[REGISTRY_HEADER, ...rows].join('\n')}\n`);

/** A feed file with these rows under the contract's header. */
export const feedFile = (name: string, rows: string[]) => tempFile(name, `${[FEED_HEADER, ...rows].join('\n')}\n`);

/** The engine on the fixture's database and clock. */
export const engineOf = (f: ApiFixture) => engineContext(f.t.db, f.clock);

/** Sets the fixture's clock to an instant. */
export const setClock = (f: ApiFixture, iso: string) => f.clock.advance(Date.parse(iso) - f.clock.now().getTime());

/** Imports a registry of these rows at an instant: the start of the import that sees a move. */
export async function importRegistryAt(f: ApiFixture, iso: string, name: string, rows: string[]) {
  setClock(f, iso);
  return importRegistry(engineOf(f), registryFile(name, rows));
}

/** Ingests a feed of these rows at an instant. */
export async function ingestFeedAt(f: ApiFixture, iso: string, name: string, rows: string[]) {
  setClock(f, iso);
  return ingestFeed(engineOf(f), feedFile(name, rows));
}

/** Stores and activates the contract's example rule set. */
export async function storeExampleRuleSet(f: ApiFixture) {
  return storeRuleSet(engineOf(f), await readRuleSetFile(path.join(EXAMPLE_DIR, 'ruleset.json')), true);
}
