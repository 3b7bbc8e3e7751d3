export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Normalises a BSN to 9 digits and checks the elfproef (contract 2.1). */
export function checkBsn(raw: string): Checked<string> {
  if (!/^\d{8,9}$/.test(raw)) return { ok: false, reason: 'bsn moet uit 9 cijfers bestaan (bij 8 cijfers komt er een 0 voor)' };
  const bsn = raw.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  if (sum === 0 || sum % 11 !== 0) return { ok: false, reason: 'bsn voldoet niet aan de elfproef' };
  return { ok: true, value: bsn };
}
