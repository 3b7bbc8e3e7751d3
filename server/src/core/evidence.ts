import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

// `flags.evidence` is a JSON array, one entry per active rule sorted by indicator:
// `[indicator, qualifying, [signal id, …]]`. Positional rather than named: with
// names the scoring run at a million households took 6.7 % longer, positional 1.8 %
// (tests/bench/results.md). The ids are of `signals` or, after a correction, of
// `signal_versions`; `qualifying` is the count when the flag was scored.
const StoredRule = Type.Tuple([Type.String(), Type.Integer({ minimum: 1 }), Type.Array(Type.Integer())]);
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
  return (value as Static<typeof StoredRule>[]).map(([indicator, qualifying, signalIds]) => ({ indicator, qualifying, signalIds }));
}
