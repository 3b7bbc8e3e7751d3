import type { Db } from '../db/connection.ts';
import { residenceStartsAt } from '../repositories/registry-repository.ts';
import { findRun } from '../repositories/run-repository.ts';
import { ApiError } from './errors.ts';

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

export const RESIDENTS_CHANGED =
  'De bewoners van dit adres zijn veranderd sinds deze signalering. De gegevens van toen worden niet meer getoond; open de signalering van de huidige bewoners.';

/**
 * Whether a flag's run started before the current residents came: the flag is an earlier
 * family's, and its page would show their explanation next to the current family's data.
 */
export async function flagPredatesResidents(db: Db, flag: { household_key: string; run_id: number }): Promise<boolean> {
  const [arrived, run] = await Promise.all([residentsArrivedAt(db, flag.household_key), findRun(db, Number(flag.run_id))]);
  return arrived !== null && run !== undefined && run.started_at < arrived;
}

/** Refuses (409) to open an earlier family's flag as a family page. */
export async function checkCurrentResidents(db: Db, flag: { household_key: string; run_id: number }): Promise<void> {
  if (await flagPredatesResidents(db, flag)) throw ApiError.conflict(RESIDENTS_CHANGED);
}
