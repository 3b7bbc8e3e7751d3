import { Type, type Static } from 'typebox';
import { IsoDate } from './common.ts';
import { TriageStatus } from './triage.ts';

// Open work across weekly runs: the coordinator's overview per wijkteam member, and the
// cases whose household left the list while still open (they stay until closed).

export const WorkloadRow = Type.Object({
  username: Type.String(),
  /** Assigned cases not closed. */
  open: Type.Integer({ minimum: 0 }),
  /** First contact due from today through the next six days, not yet picked up. */
  due_this_week: Type.Integer({ minimum: 0 }),
  /** First contact due before today, not yet picked up. */
  overdue: Type.Integer({ minimum: 0 }),
});
export type WorkloadRow = Static<typeof WorkloadRow>;
export const Workload = Type.Array(WorkloadRow);
export type Workload = Static<typeof Workload>;

export const OffListItem = Type.Object({
  /** The household's newest flag: the family page. */
  flag_id: Type.Integer(),
  household_key: Type.String(),
  wijk: Type.String(),
  triage_status: TriageStatus,
  assigned_to: Type.Union([Type.String(), Type.Null()]),
  first_contact_due: Type.Union([IsoDate, Type.Null()]),
  /** The date of the last run that had the household on the list (for an earlier family: had them on it). */
  last_on_list: IsoDate,
  /** The case is of a family that no longer lives at the address: `flag_id` is theirs, which only takes a step that concludes the case. */
  residents_changed: Type.Boolean(),
});
export type OffListItem = Static<typeof OffListItem>;
/** `run_id`: the newest run, which the households are not on; null before the first run. */
export const OffList = Type.Object({ run_id: Type.Union([Type.Integer(), Type.Null()]), items: Type.Array(OffListItem) });
export type OffList = Static<typeof OffList>;
