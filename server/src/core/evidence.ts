/** One active rule of a flag as stored in `flags.evidence`. */
export interface RuleEvidence {
  indicator: string;
  /** Qualifying signals when the flag was scored (their versions may since be gone by retention). */
  qualifying: number;
  signalIds: number[];
}

/** Parses `indicator:qualifying:id,id;…` (see FlagTable.evidence); '' is a flag without active rules. */
export function parseEvidence(text: string): RuleEvidence[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const [indicator, qualifying, ids] = part.split(':');
    return { indicator: indicator!, qualifying: Number(qualifying), signalIds: ids ? ids.split(',').map(Number) : [] };
  });
}
