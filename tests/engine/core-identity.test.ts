import { describe, expect, it } from 'vitest';
import { checkBsn } from '../../server/src/core/bsn.ts';
import { addressKey, checkHuisnummer, checkPostcode, checkToevoeging } from '../../server/src/core/address.ts';
import { validBsn } from './support/bsn.ts';

const elfproefSum = (bsn: string) => [...bsn].reduce((s, d, i) => s + (i < 8 ? 9 - i : -1) * Number(d), 0);

describe('bsn (contract 2.1)', () => {
  it.each(['908301662', '131860914', '111222333', '123456782'])('accepts %s, which passes the elfproef', (bsn) => {
    expect(elfproefSum(bsn) % 11).toBe(0);
    expect(checkBsn(bsn)).toEqual({ ok: true, value: bsn });
  });

  it.each(['123456789', '908301663', '111222334'])('rejects %s, which fails the elfproef', (bsn) => {
    expect(checkBsn(bsn)).toEqual({ ok: false, reason: expect.stringContaining('elfproef') });
  });

  it('rejects all zeros: the sum is 0', () => {
    expect(checkBsn('000000000').ok).toBe(false);
    expect(checkBsn('00000000').ok).toBe(false);
  });

  it('pads 8 digits with a leading zero before the elfproef', () => {
    // 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110
    expect(elfproefSum('012345672')).toBe(110);
    expect(checkBsn('12345672')).toEqual({ ok: true, value: '012345672' });
    expect(checkBsn('012345672')).toEqual({ ok: true, value: '012345672' });
    expect(checkBsn('12345673').ok).toBe(false);
  });

  it.each(['1234567', '1234567890', '12345678a', '123 456 782', '123.456.782', '-12345678', ''])('rejects %j: not 8 or 9 digits', (raw) => {
    expect(checkBsn(raw).ok).toBe(false);
  });

  it('the test generator yields only valid, distinct BSNs', () => {
    const all = Array.from({ length: 200 }, (_, i) => validBsn(i));
    expect(new Set(all).size).toBe(200);
    for (const b of all) expect(checkBsn(b).ok).toBe(true);
  });
});

describe('address key (contract 1, 2.1)', () => {
  it.each([
    ['9731AB', '9731AB'],
    ['9731 AB', '9731AB'],
    ['9711 aa', '9711AA'],
    ['9711aA', '9711AA'],
    ['1000zz', '1000ZZ'],
  ])('normalises postcode %j to %s', (raw, key) => {
    expect(checkPostcode(raw)).toEqual({ ok: true, value: key });
  });

  it.each(['0731AB', '973AB', '97311AB', '9731A', '9731ABC', '9731  AB', '9731-AB', 'AB9731', '9731ÅB', ''])('rejects postcode %j', (raw) => {
    expect(checkPostcode(raw).ok).toBe(false);
  });

  it.each([
    ['12', 12],
    ['012', 12],
    ['00012', 12],
    ['1', 1],
    ['99999', 99999],
  ])('reads huisnummer %j as %i (no leading zeros)', (raw, n) => {
    expect(checkHuisnummer(raw)).toEqual({ ok: true, value: n });
  });

  it.each(['0', '000', '100000', '-1', '12a', '12.0', '1,0', '1e3', ' ', ''])('rejects huisnummer %j', (raw) => {
    expect(checkHuisnummer(raw).ok).toBe(false);
  });

  it.each([
    ['', ''],
    ['a', 'A'],
    ['A', 'A'],
    ['a2', 'A2'],
    ['A 2', 'A2'],
    ['bis', 'BIS'],
    ['2', '2'],
  ])('normalises toevoeging %j to %j', (raw, value) => {
    expect(checkToevoeging(raw)).toEqual({ ok: true, value });
  });

  it.each(['-A', 'A/2', 'a-2', 'é'])('rejects toevoeging %j (letters and digits only)', (raw) => {
    expect(checkToevoeging(raw).ok).toBe(false);
  });

  it('builds POSTCODE-HUISNUMMER-TOEVOEGING', () => {
    expect(addressKey('9731AB', 12, '')).toBe('9731AB-12-');
    expect(addressKey('9731AB', 12, 'A2')).toBe('9731AB-12-A2');
  });
});
