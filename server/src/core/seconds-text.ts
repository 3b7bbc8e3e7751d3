/** A wait in Dutch: "1 seconde", "5 seconden". */
export const secondsText = (n: number): string => `${n} ${n === 1 ? 'seconde' : 'seconden'}`;
