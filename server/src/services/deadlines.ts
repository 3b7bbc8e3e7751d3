import { parseEvidence } from '../core/evidence.ts';
import { DEFAULT_DEADLINE_POLICY, firstContactDue, urgentDays, type DeadlinePolicy } from '../core/deadlines.ts';
import { signalVersions } from '../repositories/flag-list-repository.ts';
import { markUrgent, newFlagsWithIndicators, setRunFirstContactDue } from '../repositories/deadline-repository.ts';
import type { Executor } from '../repositories/types.ts';

/**
 * Part of the scoring run: every household that entered the list gets its first-contact
 * due date, shorter where a signal behind an urgent indicator meets the municipality's mark.
 */
export async function setEpisodeDeadlines(trx: Executor, runId: number, asOf: string, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Promise<void> {
  await setRunFirstContactDue(trx, runId, firstContactDue(asOf, policy.firstContactDays));
  const urgentNames = [...new Set(policy.urgent.map((u) => u.indicator))];
  for (const flag of await newFlagsWithIndicators(trx, runId, urgentNames)) {
    const ids = parseEvidence(flag.evidence)
      .filter((r) => urgentNames.includes(r.indicator))
      .flatMap((r) => r.signalIds);
    const values = (await signalVersions(trx, ids)).map((s) => ({ indicator: s.indicator, value: s.value === null ? null : Number(s.value) }));
    const days = urgentDays(policy, values);
    if (days !== null && days < policy.firstContactDays) await markUrgent(trx, flag.household_key, runId, firstContactDue(asOf, days));
  }
}
