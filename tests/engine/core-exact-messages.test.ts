import { describe, expect, it } from 'vitest';
import { checkRuleSet, DEFAULT_RULE_SET, mistakeText, passesElfproef } from '../../shared/src/index.ts';
import { parseAddressKey } from '../../server/src/core/address.ts';
import type { RawRow } from '../../server/src/core/raw-row.ts';
import { checkRegistryRow } from '../../server/src/core/registry-row.ts';
import { checkSignalRow } from '../../server/src/core/signal-row.ts';
import { checkBsn } from '../../server/src/core/bsn.ts';
import { addDays, adultCutoff, daysBetween, isRealDate, localDate } from '../../server/src/core/dates.ts';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { BEFORE_ALL_DATES, runRules } from '../../server/src/core/run-rules.ts';
import { fromMicro } from '../../server/src/core/score.ts';
import { shownNumber } from '../../server/src/core/suppression.ts';
import { validBsn } from './support/bsn.ts';

// Exact outcomes of the core's small rules at their bounds: the messages a user reads
// and the values the engine stores. StrykerJS (`pnpm test:mutation`) mutates these files
// and runs the core tests against each mutant.

const valid = () => JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as any;
const errorsOf = (input: unknown) => {
  const r = checkRuleSet(input);
  return r.ok ? [] : r.errors.map(mistakeText);
};
const withRule = (patch: object) => {
  const rs = valid();
  rs.rules[0] = { ...rs.rules[0], ...patch };
  return rs;
};

describe('rule-set messages at the bounds (contract 3 and our reading)', () => {
  const EXACT = 'scores worden exact in miljoensten opgeteld';
  const COUNT = 'een groter getal verandert niets aan de uitkomst';
  it.each([
    [withRule({ weight: 100_000_000 }), []],
    [withRule({ weight: 100_000_001 }), [`rules[0].weight: moet ten hoogste 100000000 zijn: ${EXACT}`]],
    [withRule({ window_days: 2_147_483_647, min_count: 2_147_483_647 }), []],
    [withRule({ window_days: 2_147_483_648 }), [`rules[0].window_days: moet ten hoogste 2147483647 zijn: ${COUNT}`]],
    [withRule({ weight: -0.5 }), ['rules[0].weight: moet een getal van 0 of meer zijn']],
    [{ ...valid(), flag_threshold: -100_000_000 }, []],
    [{ ...valid(), flag_threshold: -100_000_001 }, [`flag_threshold: moet minstens -100000000 zijn: ${EXACT}`]],
    [{ ...valid(), flag_threshold: 100_000_001 }, [`flag_threshold: moet ten hoogste 100000000 zijn: ${EXACT}`]],
    [{ ...valid(), kleur: 'rood' }, ['kleur: is geen bekend veld']],
    [withRule({ kleur: 'rood' }), ['rules[0].kleur: is geen bekend veld']],
    [{ ...valid(), flag_threshold: undefined }, ['flag_threshold: ontbreekt (een getal)']],
    [{ ...valid(), rules: 'geen' }, ['rules: moet een lijst van regels zijn']],
    [{ flag_threshold: 6 }, ['rules: ontbreekt (een lijst van regels)']],
    [null, ['de regelset moet een JSON-object zijn']],
    [[valid()], ['de regelset moet een JSON-object zijn']],
  ])('case %#', (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it('keeps a valid set as given, with its name', () => {
    const r = checkRuleSet({ ...valid(), name: '  Wijkgericht ' });
    expect(r.ok && r.ruleSet.name).toBe('Wijkgericht');
  });
});

describe('stored evidence (flags.evidence)', () => {
  it('reads the JSON the database built, in its order', () => {
    expect(parseEvidence('[]')).toEqual([]);
    expect(parseEvidence('[{"indicator" : "b", "qualifying" : 2, "signal_ids" : [5, -3]}, {"indicator":"a","qualifying":1,"signal_ids":[]}]')).toEqual([
      { indicator: 'b', qualifying: 2, signalIds: [5, -3] },
      { indicator: 'a', qualifying: 1, signalIds: [] },
    ]);
  });
  it.each([
    '',
    'huurachterstand:1:7',
    '{}',
    '[{"indicator":"a","qualifying":0,"signal_ids":[]}]',
    '[{"indicator":"a","qualifying":1}]',
    '[{"indicator":"a","qualifying":1,"signal_ids":["7"]}]',
  ])('refuses what is not that shape: %s', (text) => {
    expect(() => parseEvidence(text)).toThrow();
  });
  it('names the column in the error', () => {
    expect(() => parseEvidence('{}')).toThrow('flags.evidence heeft een onbekende vorm: {}');
  });
});

describe('run rules (contract 4.1 window bounds)', () => {
  const rule = (window_days: number) => ({ ...DEFAULT_RULE_SET, rules: [{ ...DEFAULT_RULE_SET.rules[0]!, weight: 2.5, window_days }] });
  it('resolves the window to D − W (exclusive) … D and the weight to millionths', () => {
    expect(runRules(rule(90), '2026-10-01')).toEqual([
      {
        indicator: DEFAULT_RULE_SET.rules[0]!.indicator,
        domain: DEFAULT_RULE_SET.rules[0]!.domain,
        weight_micro: 2_500_000,
        threshold: DEFAULT_RULE_SET.rules[0]!.threshold,
        min_count: DEFAULT_RULE_SET.rules[0]!.min_count,
        window_from: '2026-07-03',
        window_to: '2026-10-01',
      },
    ]);
  });
  it('a window that starts exactly on 1 January of year 1 keeps that day as its bound; one day longer covers every date', () => {
    const toYearOne = daysBetween('0001-01-01', '2026-10-01');
    expect(addDays('2026-10-01', -toYearOne)).toBe('0001-01-01');
    expect(runRules(rule(toYearOne), '2026-10-01')[0]!.window_from).toBe('0001-01-01');
    expect(runRules(rule(toYearOne + 1), '2026-10-01')[0]!.window_from).toBe(BEFORE_ALL_DATES);
    expect(BEFORE_ALL_DATES < '0001-01-01').toBe(true);
  });
});

describe('dates, scores, addresses, BSNs', () => {
  it('knows real dates from impossible ones, from year 1', () => {
    expect(['0001-01-01', '2024-02-29', '2026-12-31'].map(isRealDate)).toEqual([true, true, true]);
    expect(['0000-12-31', '2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10'].map(isRealDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it('pads the cut-off year to four digits', () => {
    expect(adultCutoff('1010-05-01')).toBe('0992-05-01');
  });
  it('takes today in Amsterdam by default', () => {
    expect(localDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-28T23:30:00Z'), 'UTC')).toBe('2026-03-28');
  });
  it('turns millionths back into a score', () => {
    expect(fromMicro(1_500_000)).toBe(1.5);
  });
  it('splits an address key into its parts', () => {
    expect(parseAddressKey('9711AA-12-B')).toEqual({ postcode: '9711AA', huisnummer: 12, toevoeging: 'B' });
    expect(parseAddressKey('9711AA-12-')).toEqual({ postcode: '9711AA', huisnummer: 12, toevoeging: '' });
  });
  it('says why a BSN is refused', () => {
    const nine = validBsn(7);
    expect(checkBsn(nine)).toEqual({ ok: true, value: nine });
    const length = 'bsn moet uit 9 cijfers bestaan (bij 8 cijfers komt er een 0 voor)';
    for (const raw of [`${nine}0`, `x${nine}`, `${nine}x`, '1234567']) expect(checkBsn(raw)).toEqual({ ok: false, reason: length });
    expect(passesElfproef(`${nine}0`)).toBe(false);
    expect(passesElfproef(`0${nine}`)).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });
  it('shows a published number as a number and a hidden one as nothing', () => {
    expect(shownNumber(12)).toBe(12);
    expect(shownNumber('<5')).toBeNull();
  });
});

describe('row checks give exactly the reasons that apply (contract 2)', () => {
  const raw = (fields: Record<string, string>, extra: Partial<RawRow> = {}): RawRow => ({
    rowNumber: 2,
    fields,
    shapeErrors: [],
    decimalComma: false,
    ...extra,
  });
  const person = { bsn: validBsn(11), birth_date: '1980-01-01', postcode: '9711AA', huisnummer: '1', toevoeging: '', wijk: 'Beijum' };
  const signal = {
    source: 's',
    record_id: 'r',
    indicator: 'huurachterstand',
    observed_on: '2026-09-01',
    value: '3',
    bsn: validBsn(11),
    postcode: '',
    huisnummer: '',
    toevoeging: '',
  };
  const TODAY = '2026-10-01';

  it('an unreadable row gives only its shape errors', () => {
    const unreadable = { shapeErrors: ['rij heeft 3 velden, de kop 7'], unreadable: true };
    expect(checkRegistryRow(raw({}, unreadable), TODAY)).toEqual({ ok: false, reasons: ['rij heeft 3 velden, de kop 7'], bsn: null });
    expect(checkSignalRow(raw({}, unreadable), TODAY)).toEqual({ ok: false, reasons: ['rij heeft 3 velden, de kop 7'] });
  });
  it('a shape error of a readable row comes first, with the field reasons after it', () => {
    const r = checkRegistryRow(raw({ ...person, wijk: '' }, { shapeErrors: ['onbekende kolom'] }), TODAY);
    expect(r).toEqual({ ok: false, reasons: ['onbekende kolom', 'wijk is verplicht'], bsn: person.bsn });
  });
  it('a missing field is one reason, not also a malformed value', () => {
    expect(checkRegistryRow(raw({ ...person, bsn: '' }), TODAY)).toEqual({ ok: false, reasons: ['bsn is verplicht'], bsn: null });
    expect(checkRegistryRow(raw({ ...person, postcode: '' }), TODAY)).toMatchObject({ ok: false, reasons: ['postcode is verplicht'] });
  });
  it('a refused person keeps a valid bsn for the quarantine, never an invalid one', () => {
    expect(checkRegistryRow(raw({ ...person, wijk: '' }), TODAY)).toMatchObject({ ok: false, bsn: person.bsn });
    expect(checkRegistryRow(raw({ ...person, bsn: '123456789' }), TODAY)).toMatchObject({
      ok: false,
      reasons: ['bsn voldoet niet aan de elfproef'],
      bsn: null,
    });
  });
  it('a value that is not a finite number says so', () => {
    expect(checkSignalRow(raw({ ...signal, value: `1${'0'.repeat(400)}` }), TODAY)).toEqual({ ok: false, reasons: ['value moet een eindig getal zijn'] });
  });
});
