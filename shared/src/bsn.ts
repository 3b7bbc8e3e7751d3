/** The elfproef of contract 2.1 on a 9-digit string: 9·d1+8·d2+…+2·d8−1·d9 is divisible by 11 and not 0. */
export function passesElfproef(nineDigits: string): boolean {
  if (!/^[0-9]{9}$/.test(nineDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (nineDigits.charCodeAt(i) - 48);
  sum -= nineDigits.charCodeAt(8) - 48;
  return sum !== 0 && sum % 11 === 0;
}
