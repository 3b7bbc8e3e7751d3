import { isIndicator } from '@vroegsignaal/shared';
import { checkBsn } from './bsn.ts';
import { addressKey, checkHuisnummer, checkPostcode, checkToevoeging } from './address.ts';
import { isRealDate } from './dates.ts';
import { checkValue } from './number.ts';
import { field, type RawRow } from './raw-row.ts';
import { note, required } from './registry-row.ts';

/** A valid signal row, normalised; `bsn` is still plain here and hashed before storing. */
export interface SignalInput {
  source: string;
  recordId: string;
  indicator: string;
  observedOn: string;
  value: number | null;
  bsn: string | null;
  addressKey: string | null;
}

export type SignalRowResult = { ok: true; signal: SignalInput } | { ok: false; reasons: string[] };

/** Validates one feed row (contract 2.2). `ingestDate` bounds observed_on. */
export function checkSignalRow(row: RawRow, ingestDate: string): SignalRowResult {
  if (row.unreadable) return { ok: false, reasons: [...row.shapeErrors] };
  const reasons = [...row.shapeErrors];
  required(row, 'source', reasons);
  required(row, 'record_id', reasons);
  const indicator = field(row, 'indicator');
  if (required(row, 'indicator', reasons) && !isIndicator(indicator)) {
    reasons.push(`indicator '${indicator}' staat niet in de indicatorcatalogus`);
  }
  const observedOn = field(row, 'observed_on');
  if (required(row, 'observed_on', reasons)) {
    if (!isRealDate(observedOn)) reasons.push('observed_on moet een bestaande datum zijn (JJJJ-MM-DD)');
    else if (observedOn > ingestDate) reasons.push('observed_on ligt na de datum van inlezen');
  }
  const rawValue = field(row, 'value');
  const value = rawValue === '' ? null : note(checkValue(rawValue, row.decimalComma), reasons);
  const subject = checkSubject(row, reasons);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: each `=== false` already pushed a reason; they narrow the types
  if (reasons.length > 0 || value === false || subject === false) return { ok: false, reasons };
  return {
    ok: true,
    signal: { source: field(row, 'source'), recordId: field(row, 'record_id'), indicator, observedOn, value, ...subject },
  };
}

/**
 * A bsn links the signal on its own; without one the address must be complete.
 * Address fields that are present are checked either way, so a malformed row
 * never slips in on the strength of its bsn.
 */
function checkSubject(row: RawRow, reasons: string[]): { bsn: string | null; addressKey: string | null } | false {
  const before = reasons.length;
  const rawBsn = field(row, 'bsn');
  const bsn = rawBsn === '' ? null : note(checkBsn(rawBsn), reasons);
  const rawPostcode = field(row, 'postcode');
  const rawNumber = field(row, 'huisnummer');
  const postcode = rawPostcode === '' ? null : note(checkPostcode(rawPostcode), reasons);
  const huisnummer = rawNumber === '' ? null : note(checkHuisnummer(rawNumber), reasons);
  const toevoeging = note(checkToevoeging(field(row, 'toevoeging')), reasons);
  if (rawBsn === '' && (rawPostcode === '' || rawNumber === '')) {
    reasons.push('bsn of een volledig adres (postcode en huisnummer) is verplicht');
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: each `=== false` already pushed a reason; they narrow the types
  if (reasons.length > before || bsn === false || postcode === false || huisnummer === false || toevoeging === false) return false;
  if (bsn) return { bsn, addressKey: null };
  return { bsn: null, addressKey: addressKey(postcode!, huisnummer!, toevoeging) };
}
