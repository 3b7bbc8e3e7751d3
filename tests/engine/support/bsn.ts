/** Valid test BSNs (elfproef), deterministic: the n-th one for a given n. */
export function validBsn(n: number): string {
  // Vary the first 8 digits and search for a check digit that makes the sum divisible by 11.
  for (let base = n * 97 + 10_000_000; ; base++) {
    const head = String(base % 100_000_000).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(head[i]);
    for (let d = 0; d <= 9; d++) {
      const total = sum - d;
      if (total !== 0 && total % 11 === 0) return head + String(d);
    }
  }
}

/** A 9-digit number that fails the elfproef. */
export function invalidBsn(n: number): string {
  const good = validBsn(n);
  const last = Number(good[8]);
  return good.slice(0, 8) + String((last + 1) % 10);
}
