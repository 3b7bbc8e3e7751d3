import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../server/src/core/raw-row.ts';
import { maskedRaw } from '../../server/src/core/raw-row.ts';
import { checkRegistryRow } from '../../server/src/core/registry-row.ts';
import { checkSignalRow } from '../../server/src/core/signal-row.ts';

const TODAY = '2026-10-01';
const raw = (fields: Record<string, string>, decimalComma = false, shapeErrors: string[] = []): RawRow => ({ rowNumber: 2, fields, shapeErrors, decimalComma });

const goodFeed = {
  source: 'woco',
  record_id: 'r-1',
  indicator: 'huurachterstand',
  observed_on: '2026-09-01',
  value: '3',
  bsn: '908301662',
  postcode: '',
  huisnummer: '',
  toevoeging: '',
};
const feed = (patch: Record<string, string>, comma = false) => checkSignalRow(raw({ ...goodFeed, ...patch }, comma), TODAY);
const feedReasons = (patch: Record<string, string>, comma = false) => {
  const r = feed(patch, comma);
  return r.ok ? [] : r.reasons;
};

describe('feed row validation (contract 2.2)', () => {
  it('accepts a good row with a bsn, normalising it', () => {
    expect(feed({ bsn: '12345672' })).toEqual({
      ok: true,
      signal: { source: 'woco', recordId: 'r-1', indicator: 'huurachterstand', observedOn: '2026-09-01', value: 3, bsn: '012345672', addressKey: null },
    });
  });

  it('accepts a good row with only an address and builds its key', () => {
    const r = feed({ bsn: '', postcode: '9711 aa', huisnummer: '007', toevoeging: 'a 2' });
    expect(r.ok && r.signal).toMatchObject({ bsn: null, addressKey: '9711AA-7-A2' });
  });

  it('with a bsn the address is not used, and a partial address is fine', () => {
    const r = feed({ postcode: '9711AA', huisnummer: '1' });
    expect(r.ok && r.signal).toMatchObject({ bsn: '908301662', addressKey: null });
    expect(feed({ postcode: '9711AA' }).ok).toBe(true);
  });

  it('an empty value means present; 0 is a value', () => {
    expect(feed({ value: '' }).ok && feed({ value: '' })).toMatchObject({ signal: { value: null } });
    expect(feed({ value: '0' })).toMatchObject({ signal: { value: 0 } });
    expect(feed({ value: '20,5' }, true)).toMatchObject({ signal: { value: 20.5 } });
  });

  it('observed on the ingest date is fine', () => {
    expect(feed({ observed_on: TODAY }).ok).toBe(true);
  });

  it.each([
    [{ source: '' }, /source is verplicht/],
    [{ record_id: '' }, /record_id is verplicht/],
    [{ indicator: '' }, /indicator is verplicht/],
    [{ indicator: 'inkomen' }, /indicator 'inkomen' staat niet in de indicatorcatalogus/],
    [{ indicator: 'Huurachterstand' }, /niet in de indicatorcatalogus/],
    [{ observed_on: '' }, /observed_on is verplicht/],
    [{ observed_on: '2026-02-29' }, /observed_on moet een bestaande datum zijn/],
    [{ observed_on: '1-9-2026' }, /observed_on moet een bestaande datum zijn/],
    [{ observed_on: '2026-10-02' }, /observed_on ligt na de datum van inlezen/],
    [{ value: '-1' }, /value moet 0 of meer zijn/],
    [{ value: 'drie' }, /value moet een getal zijn/],
    [{ value: '1.234,5' }, /value moet een getal zijn/],
    [{ value: '2,5' }, /value moet een getal zijn/],
    [{ bsn: '123456789' }, /bsn voldoet niet aan de elfproef/],
    [{ bsn: '123456789', postcode: '9711AA', huisnummer: '1' }, /bsn voldoet niet aan de elfproef/],
    [{ bsn: '1234567' }, /bsn moet uit 9 cijfers bestaan/],
    [{ bsn: '', postcode: '', huisnummer: '' }, /bsn of een volledig adres/],
    [{ bsn: '', postcode: '9711AA', huisnummer: '' }, /bsn of een volledig adres/],
    [{ bsn: '', postcode: '', huisnummer: '1' }, /bsn of een volledig adres/],
    [{ bsn: '', postcode: '97111AA', huisnummer: '1' }, /postcode moet eruitzien als/],
    [{ bsn: '', postcode: '9711AA', huisnummer: '0' }, /huisnummer moet tussen 1 en 99999 liggen/],
    [{ bsn: '', postcode: '9711AA', huisnummer: 'een' }, /huisnummer moet een geheel getal zijn/],
    [{ bsn: '', postcode: '9711AA', huisnummer: '1', toevoeging: 'a-2' }, /toevoeging mag alleen letters en cijfers bevatten/],
    [{ postcode: 'X' }, /postcode moet eruitzien als/], // a malformed address is bad even next to a good bsn (our reading)
  ])('a row with %j is bad: %s', (patch, reason) => {
    const reasons = feedReasons(patch);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(reason);
  });

  it('gives a reason per broken rule', () => {
    const reasons = feedReasons({ source: '', indicator: 'inkomen', observed_on: '2027-01-01', value: '-2', bsn: '123456789' });
    expect(reasons).toHaveLength(5);
  });

  it('keeps the shape problems of the row among the reasons', () => {
    const r = checkSignalRow(raw(goodFeed, false, ['row has 10 fields where the header has 9']), TODAY);
    expect(r).toEqual({ ok: false, reasons: ['row has 10 fields where the header has 9'] });
  });

  it('a missing field reads as empty', () => {
    const { value: _v, postcode: _p, huisnummer: _h, toevoeging: _t, ...rest } = goodFeed;
    expect(checkSignalRow(raw(rest), TODAY).ok).toBe(true);
  });
});

const goodPerson = { bsn: '908301662', birth_date: '1990-05-01', postcode: '9711 AA', huisnummer: '1', toevoeging: '', wijk: 'Beijum' };
const person = (patch: Record<string, string>) => checkRegistryRow(raw({ ...goodPerson, ...patch }), TODAY);

describe('registry row validation (contract 2.1)', () => {
  it('accepts a good row and builds the address key', () => {
    expect(person({ toevoeging: 'a', huisnummer: '01' })).toEqual({
      ok: true,
      person: { bsn: '908301662', birthDate: '1990-05-01', addressKey: '9711AA-1-A', wijk: 'Beijum' },
    });
  });

  it('a person born on the import date is fine', () => {
    expect(person({ birth_date: TODAY }).ok).toBe(true);
  });

  it('toevoeging is optional', () => {
    const { toevoeging: _t, ...rest } = goodPerson;
    expect(checkRegistryRow(raw(rest), TODAY).ok).toBe(true);
  });

  it.each([
    [{ bsn: '' }, /bsn is verplicht/],
    [{ bsn: '908301663' }, /elfproef/],
    [{ bsn: '90830166' }, /elfproef/],
    [{ bsn: 'abc' }, /9 cijfers/],
    [{ birth_date: '' }, /birth_date is verplicht/],
    [{ birth_date: '1990-02-30' }, /birth_date moet een bestaande datum zijn/],
    [{ birth_date: '01-05-1990' }, /birth_date moet een bestaande datum zijn/],
    [{ birth_date: '2026-10-02' }, /birth_date ligt na de datum van inlezen/],
    [{ postcode: '' }, /postcode is verplicht/],
    [{ postcode: '0711AA' }, /postcode moet eruitzien als/],
    [{ huisnummer: '' }, /huisnummer is verplicht/],
    [{ huisnummer: '100000' }, /huisnummer moet tussen 1 en 99999/],
    [{ huisnummer: '1a' }, /huisnummer moet een geheel getal zijn/],
    [{ toevoeging: '#' }, /toevoeging mag alleen letters en cijfers bevatten/],
    [{ wijk: '' }, /wijk is verplicht/],
  ])('a row with %j is rejected: %s', (patch, reason) => {
    const r = person(patch);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toMatch(reason);
    }
  });

  it('gives a reason per broken rule and still reports a well-formed bsn for the duplicate check', () => {
    const r = person({ birth_date: 'x', postcode: 'x', huisnummer: 'x', wijk: '' });
    expect(r).toEqual({ ok: false, reasons: expect.any(Array), bsn: '908301662' });
    expect(!r.ok && r.reasons).toHaveLength(4);
  });
});

describe('the raw row kept in quarantine', () => {
  it('masks the bsn, valid or not', () => {
    expect(maskedRaw(raw(goodFeed)).bsn).toBe('*********');
    expect(maskedRaw(raw({ ...goodFeed, bsn: '123' })).bsn).toBe('*********');
    expect(maskedRaw(raw({ ...goodFeed, bsn: '' })).bsn).toBe('');
  });
  it('masks a valid BSN that a shifted row put in another column, and keeps other numbers', () => {
    const m = maskedRaw(raw({ ...goodFeed, bsn: '', postcode: '908301662', record_id: 'x-123456789', value: '12345678' }));
    expect(m.postcode).toBe('*********');
    expect(m.record_id).toBe('x-123456789'); // fails the elfproef: not a BSN
    expect(JSON.stringify(m)).not.toContain('908301662');
  });
  it('masks BSNs inside an unparsable JSON line', () => {
    expect(maskedRaw(raw({ line: '{"bsn": "908301662", "source": ' })).line).toBe('{"bsn": "*********", "source": ');
  });
  it('keeps only the contract columns: unknown ones (a name, a nationality) are never taken in', () => {
    const m = maskedRaw(raw({ ...goodFeed, naam: 'Jansen', nationaliteit: 'NL' }));
    expect(Object.keys(m).sort()).toEqual(Object.keys(goodFeed).sort());
  });
});
