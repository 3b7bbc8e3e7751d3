// Scores are summed exactly: weights become integer millionths, so 0.7 + 0.1
// reaches a threshold of 0.8 as it should.
export const MICRO = 1_000_000;

export function toMicro(n: number): number {
  return Math.round(n * MICRO);
}

export function fromMicro(micro: number): number {
  return micro / MICRO;
}

/** Rounds to 2 decimals (half up) and drops trailing zeros: 7, 6.5, 6.25. */
export function formatScore(micro: number): string {
  const cents = Math.floor((micro + 5_000) / 10_000);
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
