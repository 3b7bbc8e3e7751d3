import type { Selectable } from 'kysely';
import type { AccessRequestTable } from '../db/schema-access.ts';
import { listViewsOfHousehold, signalsOfHousehold, signalsOfRequest, triageOfHousehold, viewsOfHousehold } from '../repositories/access-request-repository.ts';
import { flagsOfHousehold } from '../repositories/flag-list-repository.ts';
import type { Executor } from '../repositories/types.ts';

// What an access request covers. A household's flags, triage, address-only signals and
// views are keyed by its address, so they count only from the request's scope_from on
// (the day its residents arrived): what earlier occupants left there is not theirs. A
// request without a household (a BSN the registry does not know) covers the signals it
// found at registration, and nothing else.

type RequestRow = Pick<Selectable<AccessRequestTable>, 'id' | 'household_key' | 'scope_from'>;

export type RequestSignal = Awaited<ReturnType<typeof signalsOfHousehold>>[number];
export type RequestFlag = Awaited<ReturnType<typeof flagsOfHousehold>>[number];
export type RequestTriage = Awaited<ReturnType<typeof triageOfHousehold>>;

export interface RequestData {
  signals: RequestSignal[];
  flags: RequestFlag[];
  triage: RequestTriage;
}

export async function requestData(db: Executor, row: RequestRow): Promise<RequestData> {
  const key = row.household_key;
  if (key === null) return { signals: await signalsOfRequest(db, row.id), flags: [], triage: { rows: [], events: [] } };
  const from = row.scope_from;
  const [signals, flags, triage] = await Promise.all([signalsOfHousehold(db, key, from), flagsOfHousehold(db, key), triageOfHousehold(db, key, from)]);
  return { signals, flags: flags.filter((f) => from === null || f.as_of >= from), triage };
}

/** The request's triage only (the withhold check). */
export async function requestTriage(db: Executor, row: RequestRow): Promise<RequestTriage> {
  return row.household_key === null ? { rows: [], events: [] } : triageOfHousehold(db, row.household_key, row.scope_from);
}

/** Who viewed the household's data, its own pages and the lists that showed it, within the scope. */
export async function requestViews(db: Executor, row: RequestRow, flagIds: number[]) {
  if (row.household_key === null) return { own: [], lists: [] };
  const [own, lists] = await Promise.all([
    viewsOfHousehold(db, row.household_key, flagIds, row.scope_from),
    listViewsOfHousehold(db, row.household_key, row.scope_from),
  ]);
  return { own, lists };
}
