import { REVIEW_RETURN_STATUS, findTransition } from '@vroegsignaal/shared/triage';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { Clock } from '../core/clock.ts';
import { formatDutchDate, localDate } from '../core/dates.ts';
import type { Db } from '../db/connection.ts';
import { insertAuditEntries } from '../repositories/audit-repository.ts';
import { dueReviews, insertTriageEvent, updateTriage } from '../repositories/triage-repository.ts';

/** Who the history names for the step the system takes on the review date. */
export const SYSTEM_ACTOR = 'systeem';

/**
 * "Opnieuw bekijken op": on its review date a concluded case returns to the worklist as
 * in behandeling (a reopening the transition table allows), with a line in its history.
 */
export async function returnDueReviews(db: Db, clock: Clock, timeZone: string): Promise<{ returned: number }> {
  const today = localDate(clock.now(), timeZone);
  let returned = 0;
  for (const row of await dueReviews(db, today)) {
    const from = row.status as TriageStatus;
    if (!findTransition(from, REVIEW_RETURN_STATUS)) continue;
    const at = clock.now().toISOString();
    const moved = await db.transaction().execute(async (trx) => {
      if (!(await updateTriage(trx, row.id, from, { status: REVIEW_RETURN_STATUS, outcome: null, review_on: null, updated_at: at }))) return false;
      await insertTriageEvent(trx, {
        triage_id: row.id,
        at,
        by_user: SYSTEM_ACTOR,
        by_role: null,
        kind: 'status',
        from_status: from,
        to_status: REVIEW_RETURN_STATUS,
        assigned_to: null,
        outcome: null,
        review_on: null,
        note: `Opnieuw bekijken op ${formatDutchDate(row.review_on!)}: de zaak staat weer op de werklijst.`,
      });
      // Counts and dates only: no household data in the audit detail.
      await insertAuditEntries(trx, [
        {
          at,
          event: 'triage_review_returned',
          username: SYSTEM_ACTOR,
          role: 'systeem',
          object_type: 'triage',
          object_id: String(row.id),
          detail: `opnieuw bekijken op ${row.review_on}: van ${from} terug naar ${REVIEW_RETURN_STATUS}`,
          outcome: 'success',
          ip: null,
          session_hash: null,
          user_agent: null,
        },
      ]);
      return true;
    });
    if (moved) returned += 1;
  }
  return { returned };
}
