// The delivering organisations of the demo city and the file format each one uses.

import { FEED_COLUMNS, type Indicator } from '@vroegsignaal/shared';

export interface DemoSource {
  name: string;
  indicators: readonly Indicator[];
  /** Days between deliveries (a multiple of 7; every source delivers on asOf). */
  intervalDays: number;
  delimiter: ',' | ';';
  /** `;` sources write decimals with a comma (Dutch spreadsheet export). */
  decimalComma: boolean;
  /** Column order of the file; a subset of the contract's feed columns. */
  columns: readonly string[];
  /** Quote every field (RFC 4180). */
  quoteAll: boolean;
  /** Start the file with a UTF-8 BOM and end lines with CRLF (spreadsheet export). */
  excelExport: boolean;
  /** How a row identifies its subject. */
  subject: 'bsn' | 'address' | 'bsn+address';
  /** Prefix of this source's record ids. */
  idPrefix: string;
}

const ALL = FEED_COLUMNS;
const ADDRESS_ONLY = ['source', 'record_id', 'indicator', 'observed_on', 'postcode', 'huisnummer', 'toevoeging'] as const;
const BSN_FIRST = ['bsn', 'observed_on', 'indicator', 'record_id', 'source', 'value', 'postcode', 'huisnummer', 'toevoeging'] as const;

function source(
  name: string,
  indicators: Indicator[],
  intervalDays: number,
  delimiter: ',' | ';',
  subject: DemoSource['subject'],
  idPrefix: string,
  extra: Partial<DemoSource> = {},
): DemoSource {
  return {
    name,
    indicators,
    intervalDays,
    delimiter,
    decimalComma: delimiter === ';',
    columns: ALL,
    quoteAll: false,
    excelExport: false,
    subject,
    idPrefix,
    ...extra,
  };
}

export const DEMO_SOURCES: readonly DemoSource[] = [
  source('woningcorporatie-noord', ['huurachterstand', 'overlastmelding'], 7, ';', 'bsn+address', 'WCN'),
  source('woningcorporatie-zuid', ['huurachterstand', 'overlastmelding'], 7, ',', 'bsn+address', 'WCZ'),
  source('meldpunt-overlast', ['overlastmelding'], 7, ',', 'address', 'MO', { columns: ADDRESS_ONLY }),
  source('energie-water', ['energieachterstand'], 14, ';', 'address', 'EW'),
  source('zorgverzekeraar', ['zorgverzekeringsachterstand'], 28, ',', 'bsn', 'ZV'),
  source('politie', ['jeugd_politiecontact'], 7, ',', 'bsn', 'PL', { columns: BSN_FIRST }),
  source('veilig-thuis', ['huiselijk_geweld'], 7, ';', 'address', 'VT'),
  source('leerplicht', ['schoolverzuim', 'schooluitval'], 7, ';', 'bsn', 'LP', { excelExport: true }),
  source('gemeente-werk-inkomen', ['werkloosheid'], 28, ',', 'bsn', 'WI'),
  source('ggd-jgz', ['opvoedzorg'], 7, ';', 'bsn', 'JGZ'),
  source('ggz-instelling', ['ggz_zorg'], 7, ',', 'bsn', 'GGZ', { quoteAll: true }),
];

export function sourceByName(name: string): DemoSource {
  const found = DEMO_SOURCES.find((s) => s.name === name);
  if (!found) throw new Error(`onbekende bron: ${name}`);
  return found;
}
