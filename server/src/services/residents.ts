import type { Db } from '../db/connection.ts';
import { residenceStartsAt } from '../repositories/registry-repository.ts';

// Since when the current residents of an address live there: the one rule that scopes
// both a resident's access request and what professionals see on the family page.

/** The earliest arrival of the current residents; null (no limit) when one was there before the first registry. */
export function earliest(starts: (string | null)[]): string | null {
  if (!starts.length || starts.includes(null)) return null;
  return [...(starts as string[])].sort()[0]!;
}

/** The day the current residents of an address came to live there; null: no limit. */
export async function residentsSince(db: Db, key: string): Promise<string | null> {
  return earliest(await residenceStartsAt(db, key));
}
