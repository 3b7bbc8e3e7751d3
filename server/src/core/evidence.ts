import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

/** One active rule of a flag as stored in `flags.evidence` (a JSON array, sorted by indicator). */
const StoredRule = Type.Object({
  indicator: Type.String(),
  /** Qualifying signals when the flag was scored (their versions may since be gone by retention). */
  qualifying: Type.Integer({ minimum: 1 }),
  signal_ids: Type.Array(Type.Integer()),
});
const StoredEvidence = Compile(Type.Array(StoredRule));

export interface RuleEvidence {
  indicator: string;
  qualifying: number;
  signalIds: number[];
}

/** Reads the stored explanation of a flag; a row that is not the stored shape is an error, never a guess. */
export function parseEvidence(text: string): RuleEvidence[] {
  const value: unknown = JSON.parse(text);
  if (!StoredEvidence.Check(value)) throw new Error(`flags.evidence heeft een onbekende vorm: ${text.slice(0, 80)}`);
  return (value as Static<typeof StoredRule>[]).map((r) => ({ indicator: r.indicator, qualifying: r.qualifying, signalIds: r.signal_ids }));
}
