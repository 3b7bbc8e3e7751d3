import type { Db } from '../db/connection.ts';
import { residenceStartsAt } from '../repositories/registry-repository.ts';

// Since when the current residents of an address live there: the one rule that scopes
// both a resident's access request and what professionals see on the family page. A
// residence starts at an instant (the import's start); instants (triage steps, a run's
// start) compare with it, a signal's observed_on with its UTC date (dayOf).

/** The earliest arrival of the current residents; null (no limit) when one was there before the first registry. */
export function earliest(starts: (string | null)[]): string | null {
  if (!starts.length || starts.includes(null)) return null;
  return [...(starts as string[])].sort()[0]!;
}

/** The instant the current residents of an address came to live there; null: no limit. */
export async function residentsArrivedAt(db: Db, key: string): Promise<string | null> {
  return earliest(await residenceStartsAt(db, key));
}
