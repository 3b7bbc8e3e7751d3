import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRIAGE_STATUS_LABELS, TRIAGE_STATUSES } from '../../shared/src/api/triage.ts';
import { findTransition, isReopening, TRIAGE_FINAL_STATUSES, TRIAGE_TRANSITIONS, transitionsFor } from '../../shared/src/triage.ts';
import { checkTransition, isFinal, nextStatuses } from '../../server/src/core/triage.ts';

const README = path.resolve(import.meta.dirname, '../../README.md');

describe('triage transition table', () => {
  it('walks the line and may skip the zorgnetwerk meeting', () => {
    for (const role of ['coordinator', 'wijkteam'] as const) {
      expect(checkTransition('nieuw', 'in_behandeling', role).ok).toBe(true);
      expect(checkTransition('in_behandeling', 'besproken_in_zorgnetwerk', role).ok).toBe(true);
      for (const end of ['doorverwezen', 'afgesloten'] as const) {
        expect(checkTransition('besproken_in_zorgnetwerk', end, role).ok).toBe(true);
        expect(checkTransition('in_behandeling', end, role).ok, `skip to ${end}`).toBe(true);
      }
      expect(checkTransition('doorverwezen', 'afgesloten', role).ok).toBe(true);
    }
  });

  it('asks a reason where the table says so, and only a coordinator reopens', () => {
    const noReason = checkTransition('in_behandeling', 'geen_actie_nodig', 'wijkteam');
    expect(noReason).toMatchObject({
      ok: false,
      kind: 'reason',
      message: 'Geef een reden op om de status van ‘In behandeling’ naar ‘Geen actie nodig’ te zetten.',
    });
    expect(checkTransition('in_behandeling', 'geen_actie_nodig', 'wijkteam', { reason: '   ' }).ok).toBe(false);
    expect(checkTransition('in_behandeling', 'geen_actie_nodig', 'wijkteam', { reason: 'al in beeld bij GGD' }).ok).toBe(true);
    expect(checkTransition('afgesloten', 'in_behandeling', 'coordinator', { reason: 'nieuwe zorgen' }).ok).toBe(true);
    expect(checkTransition('afgesloten', 'in_behandeling', 'coordinator')).toMatchObject({ ok: false, kind: 'reason' });
    expect(checkTransition('afgesloten', 'in_behandeling', 'wijkteam', { reason: 'nieuwe zorgen' })).toMatchObject({
      ok: false,
      kind: 'role',
      message: 'Alleen een coördinator kan de status van ‘Afgesloten’ naar ‘In behandeling’ zetten.',
    });
    expect(checkTransition('nieuw', 'geen_actie_nodig', 'wijkteam', { reason: 'al bekend' })).toMatchObject({ ok: false, kind: 'role' });
    for (const role of ['beleidsmaker', 'beheerder'] as const)
      expect(checkTransition('nieuw', 'in_behandeling', role)).toMatchObject({ ok: false, kind: 'role' });
  });

  it('refuses moves the table lacks with a Dutch sentence naming the labels and what is possible', () => {
    const skip = checkTransition('nieuw', 'afgesloten', 'coordinator');
    expect(skip).toMatchObject({
      ok: false,
      kind: 'not_allowed',
      message:
        'De status kan niet van ‘Nog niet opgepakt’ naar ‘Afgesloten’. Vanuit ‘Nog niet opgepakt’ kan de status naar ‘In behandeling’ of ‘Geen actie nodig’.',
    });
    expect(checkTransition('besproken_in_zorgnetwerk', 'in_behandeling', 'coordinator').ok).toBe(false);
    expect(checkTransition('afgesloten', 'nieuw', 'coordinator').ok).toBe(false);
    for (const s of TRIAGE_STATUSES) expect(checkTransition(s, s, 'coordinator').ok, s).toBe(false);
  });

  it('takes an outcome only with a move to a concluding status', () => {
    expect(TRIAGE_FINAL_STATUSES).toEqual(['doorverwezen', 'geen_actie_nodig', 'afgesloten']);
    expect(checkTransition('in_behandeling', 'afgesloten', 'wijkteam', { outcome: 'terecht' }).ok).toBe(true);
    expect(checkTransition('nieuw', 'in_behandeling', 'wijkteam', { outcome: 'terecht' })).toMatchObject({ ok: false, kind: 'outcome' });
    expect(checkTransition('afgesloten', 'in_behandeling', 'coordinator', { reason: 'x', outcome: 'terecht' })).toMatchObject({ ok: false, kind: 'outcome' });
  });

  it('agrees with nextStatuses for every pair and role, and every reopening needs a reason', () => {
    for (const role of ['coordinator', 'wijkteam', 'beleidsmaker', 'beheerder'] as const) {
      for (const from of TRIAGE_STATUSES) {
        for (const to of TRIAGE_STATUSES) {
          const t = findTransition(from, to);
          const allowed = t?.roles.includes(role) ?? false;
          expect(checkTransition(from, to, role, { reason: 'reden' }).ok, `${role} ${from}→${to}`).toBe(allowed);
          expect(nextStatuses(from, role).includes(to)).toBe(allowed);
        }
        expect(transitionsFor(from, role).map((t) => t.to)).toEqual(nextStatuses(from, role));
      }
    }
    for (const s of TRIAGE_STATUSES) expect(isFinal(s)).toBe(TRIAGE_FINAL_STATUSES.includes(s));
    const reopenings = TRIAGE_TRANSITIONS.filter(isReopening);
    expect(reopenings.map((t) => t.from)).toEqual(['doorverwezen', 'geen_actie_nodig', 'afgesloten']);
    for (const t of reopenings) expect(t).toMatchObject({ reasonRequired: true, roles: ['coordinator'] });
    // Every status can be left, and every status but the start can be reached.
    for (const s of TRIAGE_STATUSES)
      expect(
        TRIAGE_TRANSITIONS.some((t) => t.from === s),
        s,
      ).toBe(true);
    for (const s of TRIAGE_STATUSES.filter((x) => x !== 'nieuw'))
      expect(
        TRIAGE_TRANSITIONS.some((t) => t.to === s),
        s,
      ).toBe(true);
  });

  it('names "nieuw" so that it cannot be read as "new on the list this week"', () => {
    expect(TRIAGE_STATUS_LABELS.nieuw).toBe('Nog niet opgepakt');
    expect(Object.values(TRIAGE_STATUS_LABELS).some((l) => /^nieuw/i.test(l))).toBe(false);
  });

  it('is printed in the README exactly as shared/src/triage.ts defines it', () => {
    const text = fs.readFileSync(README, 'utf8');
    const block = /<!-- triage-transitions:start -->\n([\s\S]*?)\n<!-- triage-transitions:end -->/.exec(text)?.[1];
    const expected = [
      '| from | to | roles | reason required |',
      '|---|---|---|---|',
      ...TRIAGE_TRANSITIONS.map((t) => `| ${t.from} | ${t.to} | ${t.roles.join(', ')} | ${t.reasonRequired ? 'yes' : 'no'} |`),
    ].join('\n');
    expect(block).toBe(expected);
  });
});
