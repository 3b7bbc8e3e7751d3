import { passesElfproef } from '@vroegsignaal/shared';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Normalises a BSN to 9 digits and checks the elfproef (contract 2.1). */
export function checkBsn(raw: string): Checked<string> {
  if (!/^\d{8,9}$/.test(raw)) return { ok: false, reason: 'bsn moet uit 9 cijfers bestaan (bij 8 cijfers komt er een 0 voor)' };
  const bsn = raw.padStart(9, '0');
  if (!passesElfproef(bsn)) return { ok: false, reason: 'bsn voldoet niet aan de elfproef' };
  return { ok: true, value: bsn };
}
