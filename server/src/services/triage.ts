import type { Triage, TriageOutcome, TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import type { Clock } from '../core/clock.ts';
import { checkTransition, nextStatuses } from '../core/triage.ts';
import type { Db } from '../db/connection.ts';
import { ensureTriage, findTriage, insertTriageEvent, triageEvents, updateTriage, type TriageRow } from '../repositories/triage-repository.ts';
import { findUserByUsername } from '../repositories/user-repository.ts';
import { ApiError } from './errors.ts';
import { episodeStart, flagForUser, type FlagRow } from './scope.ts';

// Triage per household per episode on the list: the flag of the run where the
// household entered the list and every persisting flag after it share one triage.

export async function triageOfFlag(db: Db, user: AuthenticatedUser, flagId: number): Promise<Triage> {
  const flag = await flagForUser(db, user, flagId);
  const episode = await episodeStart(db, flag);
  return present(db, episode, await findTriage(db, flag.household_key, episode));
}

export async function presentTriage(db: Db, flag: FlagRow): Promise<Triage> {
  const episode = await episodeStart(db, flag);
  return present(db, episode, await findTriage(db, flag.household_key, episode));
}

async function present(db: Db, episode: number, row: TriageRow | undefined): Promise<Triage> {
  const status = (row?.status ?? 'nieuw') as TriageStatus;
  const events = row ? await triageEvents(db, row.id) : [];
  return {
    id: row?.id ?? null,
    episode_run_id: episode,
    status,
    assigned_to: row?.assigned_to ?? null,
    outcome: (row?.outcome ?? null) as TriageOutcome | null,
    next_statuses: [...nextStatuses(status)],
    events: events.map((e) => ({
      id: e.id, at: e.at, by: e.by_user, kind: e.kind, from_status: e.from_status as TriageStatus | null, to_status: e.to_status as TriageStatus | null,
      assigned_to: e.assigned_to, outcome: e.outcome as TriageOutcome | null, note: e.note,
    })),
  };
}

type Change =
  | { kind: 'status'; to: TriageStatus; note?: string }
  | { kind: 'assignment'; assignedTo: string | null; note?: string }
  | { kind: 'outcome'; outcome: TriageOutcome; note?: string }
  | { kind: 'note'; note: string };

/** Applies one change to the episode's triage (created on first use) and records it. */
export async function changeTriage(db: Db, clock: Clock, user: AuthenticatedUser, flagId: number, change: Change): Promise<Triage> {
  const flag = await flagForUser(db, user, flagId);
  if (change.kind === 'assignment' && change.assignedTo !== null) await checkAssignee(db, change.assignedTo, flag.wijk);
  const episode = await episodeStart(db, flag);
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await ensureTriage(trx, {
      household_key: flag.household_key, episode_run_id: episode, wijk: flag.wijk, status: 'nieuw', assigned_to: null, outcome: null, created_at: at, updated_at: at,
    });
    const from = row.status as TriageStatus;
    const set: Parameters<typeof updateTriage>[3] = { updated_at: at };
    if (change.kind === 'status') {
      const check = checkTransition(from, change.to);
      if (!check.ok) throw ApiError.conflict(check.message);
      set.status = change.to;
    }
    if (change.kind === 'assignment') set.assigned_to = change.assignedTo;
    if (change.kind === 'outcome') set.outcome = change.outcome;
    if (!(await updateTriage(trx, row.id, from, set))) throw ApiError.conflict('de triage is intussen door iemand anders gewijzigd; laad opnieuw');
    await insertTriageEvent(trx, {
      triage_id: row.id, at, by_user: user.username, kind: change.kind,
      from_status: change.kind === 'status' ? from : null,
      to_status: change.kind === 'status' ? change.to : null,
      assigned_to: change.kind === 'assignment' ? change.assignedTo : null,
      outcome: change.kind === 'outcome' ? change.outcome : null,
      note: change.note ?? null,
    });
  });
  return present(db, episode, await findTriage(db, flag.household_key, episode));
}

async function checkAssignee(db: Db, username: string, wijk: string): Promise<void> {
  const u = await findUserByUsername(db, username);
  const wijken = u ? (JSON.parse(u.wijken) as string[]) : [];
  if (u?.active !== 1 || u.role !== 'wijkteam' || !wijken.includes(wijk)) {
    throw ApiError.badRequest('body.assigned_to', `geen actief wijkteamlid voor wijk ${wijk}`);
  }
}
