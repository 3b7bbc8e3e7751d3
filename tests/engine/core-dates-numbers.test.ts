import { describe, expect, it } from 'vitest';
import { addDays, adultCutoff, isAdultOn, isMinorOn, isRealDate, localDate } from '../../server/src/core/dates.ts';
import { checkValue } from '../../server/src/core/number.ts';

describe('real dates YYYY-MM-DD (contract 2.1, 2.2)', () => {
  it.each(['2026-10-01', '2024-02-29', '2000-02-29', '1999-12-31', '1900-01-01', '2026-01-31', '0050-06-15', '0004-02-29'])('accepts %s', (d) => {
    expect(isRealDate(d)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '1900-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    '01-10-2026',
    '2026-10-01T00:00',
    ' 2026-10-01',
    '0000-01-01',
    '0050-02-29',
    '',
  ])('rejects %j', (d) => {
    expect(isRealDate(d)).toBe(false);
  });
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-10-01', -365)).toBe('2025-10-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28'); // DST change in Europe does not shift a day
  });
  it('takes today in the municipality time zone', () => {
    expect(localDate(new Date('2026-09-30T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-10-01');
    expect(localDate(new Date('2026-09-30T21:30:00Z'), 'Europe/Amsterdam')).toBe('2026-09-30');
  });
});

describe('age 18 (contract 4.4a)', () => {
  it('someone whose 18th birthday is on D is an adult; one day later is a minor', () => {
    expect(isAdultOn('2008-10-01', '2026-10-01')).toBe(true);
    expect(isMinorOn('2008-10-01', '2026-10-01')).toBe(false);
    expect(isAdultOn('2008-10-02', '2026-10-01')).toBe(false);
    expect(isMinorOn('2008-10-02', '2026-10-01')).toBe(true);
    expect(isAdultOn('2008-09-30', '2026-10-01')).toBe(true);
  });

  it('someone born on 29 February turns 18 on 1 March in a year that is not a leap year', () => {
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isAdultOn('2008-02-29', '2026-03-01')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('someone born on 29 February turns 18 on 29 February when that year is a leap year', () => {
    // 2006-02-29 does not exist, so look at a birth in a leap year and D in a leap year.
    expect(isAdultOn('2010-02-28', '2028-02-29')).toBe(true);
    expect(isAdultOn('2010-03-01', '2028-02-29')).toBe(false);
    expect(isAdultOn('2010-02-28', '2028-02-28')).toBe(true);
    expect(isAdultOn('2010-03-01', '2028-03-01')).toBe(true);
  });

  it('on 29 February of D, someone born on 28 February or 1 March 18 years before', () => {
    expect(adultCutoff('2024-02-29')).toBe('2006-02-29');
    expect(isAdultOn('2006-02-28', '2024-02-29')).toBe(true);
    expect(isAdultOn('2006-03-01', '2024-02-29')).toBe(false);
  });

  it('a newborn on D is a minor; someone born after D is neither adult nor minor on D (our reading)', () => {
    expect(isMinorOn('2026-10-01', '2026-10-01')).toBe(true);
    expect(isMinorOn('2026-10-02', '2026-10-01')).toBe(false);
    expect(isAdultOn('2026-10-02', '2026-10-01')).toBe(false);
  });
});

describe('values (contract 2, 2.2)', () => {
  it.each([
    ['3', false, 3],
    ['0', false, 0],
    ['2.5', false, 2.5],
    ['20.5', true, 20.5],
    ['20,5', true, 20.5],
    [',5', true, 0.5],
    ['0,25', true, 0.25],
    ['007', false, 7],
    ['16', true, 16],
  ])('reads %j (decimal comma %s) as %d', (raw, comma, n) => {
    expect(checkValue(raw, comma)).toEqual({ ok: true, value: n });
  });

  it('reads a decimal comma only in a ;-delimited file', () => {
    expect(checkValue('20,5', false).ok).toBe(false);
  });

  it.each([
    ['1.234,5', true],
    ['1,234.5', false],
    ['1,234,5', true],
    ['1.234.5', false],
    ['1 234', false],
    ['1 234,5', true],
    ['1,234', false],
  ])('rejects %j (decimal comma %s): thousands separators are never accepted', (raw, comma) => {
    expect(checkValue(raw, comma).ok).toBe(false);
  });

  it.each(['-1', '-0.5', '-0,5'])('rejects the negative value %j', (raw) => {
    expect(checkValue(raw, true)).toEqual({ ok: false, reason: expect.stringContaining('0 of meer') });
  });

  it.each(['abc', 'NaN', 'Infinity', '3 maanden', '€3', '0x10', '.', ','])('rejects %j: not a number', (raw) => {
    expect(checkValue(raw, true).ok).toBe(false);
  });
});
