import { checkBsn } from './bsn.ts';
import { addressKey, checkHuisnummer, checkPostcode, checkToevoeging } from './address.ts';
import { isRealDate } from './dates.ts';
import { field, type RawRow } from './raw-row.ts';

export interface RegistryPerson {
  bsn: string;
  birthDate: string;
  addressKey: string;
  wijk: string;
}

export type RegistryRowResult = { ok: true; person: RegistryPerson } | { ok: false; reasons: string[]; bsn: string | null };

/** Validates one registry row (contract 2.1). `importDate` bounds the birth date. */
export function checkRegistryRow(row: RawRow, importDate: string): RegistryRowResult {
  if (row.unreadable) return { ok: false, reasons: [...row.shapeErrors], bsn: null };
  const reasons = [...row.shapeErrors];
  const bsn = required(row, 'bsn', reasons) && note(checkBsn(field(row, 'bsn')), reasons);
  const birth = field(row, 'birth_date');
  if (required(row, 'birth_date', reasons)) {
    if (!isRealDate(birth)) reasons.push('birth_date moet een bestaande datum zijn (JJJJ-MM-DD)');
    else if (birth > importDate) reasons.push('birth_date ligt na de datum van inlezen');
  }
  const postcode = required(row, 'postcode', reasons) && note(checkPostcode(field(row, 'postcode')), reasons);
  const huisnummer = required(row, 'huisnummer', reasons) && note(checkHuisnummer(field(row, 'huisnummer')), reasons);
  const toevoeging = note(checkToevoeging(field(row, 'toevoeging')), reasons);
  const wijk = field(row, 'wijk');
  if (!wijk) reasons.push('wijk is verplicht');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: each `=== false` already pushed a reason; they narrow the types
  if (reasons.length > 0 || bsn === false || postcode === false || huisnummer === false || toevoeging === false) {
    return { ok: false, reasons, bsn: typeof bsn === 'string' ? bsn : null };
  }
  return { ok: true, person: { bsn, birthDate: birth, addressKey: addressKey(postcode, huisnummer, toevoeging), wijk } };
}

export function required(row: RawRow, name: string, reasons: string[]): boolean {
  if (field(row, name) !== '') return true;
  reasons.push(`${name} is verplicht`);
  return false;
}

/** Pushes the reason of a failed check and returns false, or returns the value. */
export function note<T>(checked: { ok: true; value: T } | { ok: false; reason: string }, reasons: string[]): T | false {
  if (checked.ok) return checked.value;
  reasons.push(checked.reason);
  return false;
}
