import type { Selectable } from 'kysely';
import type { AccessRequestTable } from '../db/schema-access.ts';
import { signalsOfRequest } from '../repositories/access-request-repository.ts';
import {
  flagsInPeriods,
  listViewsInPeriods,
  periodsOf,
  signalsInScope,
  unlinkedAmong,
  triageInPeriods,
  viewsInPeriods,
  type Period,
  type Scope,
} from '../repositories/request-scope-repository.ts';
import type { Executor } from '../repositories/types.ts';

// What an access request covers: the residences it was registered for (see
// request-scope-repository.ts), each for the time the person lived there, read again at
// every read. A request of a person the registry does not know (or no longer knows) also
// covers the unlinked signals it found at registration.

type RequestRow = Pick<Selectable<AccessRequestTable>, 'id' | 'identified_by'>;

export type RequestSignal = Awaited<ReturnType<typeof signalsInScope>>[number];
export type RequestFlag = Awaited<ReturnType<typeof flagsInPeriods>>[number];
export type RequestTriage = Awaited<ReturnType<typeof triageInPeriods>>;

export interface RequestData {
  periods: Period[];
  /** Never shown: the persons whose named signals are the request's whenever observed. */
  scope: Scope;
  signals: RequestSignal[];
  /** How many of the signals name a person who lives in no household now (counted in no calculation). */
  unlinked: number;
  flags: RequestFlag[];
  triage: RequestTriage;
}

/** The request's periods, without the persons: what a reader may see. */
export async function requestPeriods(db: Executor, row: RequestRow): Promise<Period[]> {
  return (await periodsOf(db, row.id)).map(({ address_key, since, until }) => ({ address_key, since, until }));
}

/** The request's scope: by BSN its person's named signals are always theirs; by address no one's are. */
export async function requestScope(db: Executor, row: RequestRow): Promise<Scope> {
  const rows = await periodsOf(db, row.id);
  const periods = rows.map(({ address_key, since, until }) => ({ address_key, since, until }));
  return { periods, own: row.identified_by === 'bsn' ? [...new Set(rows.map((r) => r.bsn_hash))] : [] };
}

export async function requestData(db: Executor, row: RequestRow): Promise<RequestData> {
  const scope = await requestScope(db, row);
  const { periods } = scope;
  const [scoped, unlinked, flags, triage] = await Promise.all([
    signalsInScope(db, scope),
    signalsOfRequest(db, row.id),
    flagsInPeriods(db, periods),
    triageInPeriods(db, periods),
  ]);
  const seen = new Set(scoped.map((s) => s.id));
  const signals = [...scoped, ...unlinked.filter((s) => !seen.has(s.id))].sort((a, b) => b.observed_on.localeCompare(a.observed_on) || a.id - b.id);
  return {
    periods,
    scope,
    signals,
    unlinked: await unlinkedAmong(
      db,
      signals.map((s) => s.id),
    ),
    flags,
    triage,
  };
}

/** The request's triage only (the withhold check). */
export async function requestTriage(db: Executor, row: RequestRow): Promise<RequestTriage> {
  return triageInPeriods(db, await requestPeriods(db, row));
}

/** Who viewed the data in scope: the household's own pages and the lists that showed it, and the request's flags. */
export async function requestViews(db: Executor, periods: Period[], flagIds: number[]) {
  const [own, lists] = await Promise.all([viewsInPeriods(db, periods, flagIds), listViewsInPeriods(db, periods)]);
  return { own, lists };
}
