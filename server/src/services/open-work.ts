import { CLOSED_TRIAGE_STATUSES } from '@vroegsignaal/shared/api/flags';
import type { OffList, Workload } from '@vroegsignaal/shared/api/open-work';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { addDays } from '../core/dates.ts';
import type { Db } from '../db/connection.ts';
import { openOffList, workloadPerAssignee } from '../repositories/open-work-repository.ts';
import { newestRun } from '../repositories/run-repository.ts';
import { activeUsersWithRole } from '../repositories/user-repository.ts';
import { flagPredatesResidents } from './residents.ts';
import { episodeRuns, wijkScope } from './scope.ts';

/** Every active wijkteam member with their open cases, first contacts due this week and overdue. */
export async function workload(db: Db, today: string): Promise<Workload> {
  const rows = new Map((await workloadPerAssignee(db, CLOSED_TRIAGE_STATUSES, today, addDays(today, 6))).map((r) => [r.assigned_to, r]));
  return (await activeUsersWithRole(db, 'wijkteam')).map((u) => {
    const r = rows.get(u.username);
    return { username: u.username, open: Number(r?.open ?? 0), due_this_week: Number(r?.due_this_week ?? 0), overdue: Number(r?.overdue ?? 0) };
  });
}

/** Open cases in the user's wijken whose household is not on the newest list. */
export async function offList(db: Db, user: AuthenticatedUser, today: string): Promise<OffList> {
  const run = await newestRun(db);
  if (!run) return { run_id: null, items: [] };
  const rows = await openOffList(db, await episodeRuns(db, run.id), CLOSED_TRIAGE_STATUSES, wijkScope(user), today);
  const found = rows.filter((r) => r.flag_id !== null && r.last_on_list !== null);
  // The family page's rule: a case whose last flag is from before the current residents came is an earlier family's.
  const earlier = await Promise.all(found.map((r) => flagPredatesResidents(db, { household_key: r.household_key, run_id: Number(r.flag_run_id) })));
  return {
    run_id: run.id,
    items: found.map((r, i) => ({
      flag_id: Number(r.flag_id),
      household_key: r.household_key,
      wijk: r.wijk,
      triage_status: r.status as TriageStatus,
      assigned_to: r.assigned_to,
      first_contact_due: r.first_contact_due ?? null,
      last_on_list: String(r.last_on_list),
      residents_changed: earlier[i]!,
    })),
  };
}
