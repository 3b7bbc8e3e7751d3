import type { Db } from '../../../server/src/db/connection.ts';
import { importRegistry } from '../../../server/src/services/registry-import.ts';
import { engineContext } from '../../helpers/engine.ts';
import { validBsn } from './bsn.ts';
import { registryFile, type Row } from './files.ts';

/** A small town: two families, a single adult, and the BSNs of each person. */
export const TOWN = {
  parentA: validBsn(1),
  childA: validBsn(2), // 9711AA-1-
  parentB: validBsn(3),
  childB: validBsn(4), // 9712BB-10-A
  single: validBsn(5), // 9713CC-5-
  stranger: validBsn(6), // not in the registry
};

export function townRows(): Row[] {
  return [
    { bsn: TOWN.parentA, birth_date: '1980-01-01', postcode: '9711AA', huisnummer: 1, wijk: 'Beijum' },
    { bsn: TOWN.childA, birth_date: '2015-01-01', postcode: '9711 aa', huisnummer: '01', wijk: 'Beijum' },
    { bsn: TOWN.parentB, birth_date: '1985-05-05', postcode: '9712BB', huisnummer: 10, toevoeging: 'a', wijk: 'Vinkhuizen' },
    { bsn: TOWN.childB, birth_date: '2012-12-12', postcode: '9712BB', huisnummer: 10, toevoeging: 'A', wijk: 'Vinkhuizen' },
    { bsn: TOWN.single, birth_date: '1970-07-07', postcode: '9713CC', huisnummer: 5, wijk: 'Lewenborg' },
  ];
}

export async function importTown(db: Db, rows: Row[] = townRows()) {
  return importRegistry(engineContext(db), registryFile(rows));
}

/** Stored signals in a stable order, without ids and timestamps. */
export async function signalsOf(db: Db) {
  const rows = await db
    .selectFrom('signals')
    .select(['source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn_hash', 'address_key', 'household_key'])
    .orderBy('source')
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}

export async function quarantineOf(db: Db) {
  const rows = await db.selectFrom('quarantine').select(['kind', 'source', 'row_number', 'raw', 'reasons']).orderBy('row_number').execute();
  return rows.map((r) => ({ ...r, raw: JSON.parse(r.raw) as Record<string, string>, reasons: JSON.parse(r.reasons) as string[] }));
}
