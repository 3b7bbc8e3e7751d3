import type { Role } from '@vroegsignaal/shared/api/auth';
import type { Triage, TriageOutcome, TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import type { Clock } from '../core/clock.ts';
import { isRealDate } from '../core/dates.ts';
import { checkTransition, isFinal, nextStatuses } from '../core/triage.ts';
import { EARLIER_CASE_CLOSING } from '@vroegsignaal/shared/triage';
import type { Db } from '../db/connection.ts';
import { ensureTriage, findTriage, insertTriageEvent, triageEvents, updateTriage, type TriageRow } from '../repositories/triage-repository.ts';
import { findUserByUsername } from '../repositories/user-repository.ts';
import { findDeadline } from '../repositories/deadline-repository.ts';
import { ApiError } from './errors.ts';
import { findRun } from '../repositories/run-repository.ts';
import { dayOf } from '../repositories/request-scope-repository.ts';
import { checkCurrentResidents, residentsArrivedAt } from './residents.ts';
import { notifyAssignment } from './notifications.ts';
import { episodeStart, flagForUser, type FlagRow } from './scope.ts';

// Triage per household per episode on the list: the flag of the run where the
// household entered the list and every persisting flag after it share one triage.
// Which status may follow which, for which role, is shared/src/triage.ts.

const STALE = 'Iemand anders heeft de opvolging van dit huishouden zojuist gewijzigd. Laad de pagina opnieuw en kijk of uw wijziging nog nodig is.';
const OUTCOME_NOT_FINAL =
  'Een uitkomst legt u vast bij het afronden van de zaak: kies de status Doorverwezen, Geen actie nodig of Afgesloten en geef daarbij aan of het signaal terecht was.';

export async function triageOfFlag(db: Db, user: AuthenticatedUser, flagId: number, today: string): Promise<Triage> {
  const flag = await flagForUser(db, user, flagId, today);
  await checkCurrentResidents(db, flag);
  return forRole(await presentTriage(db, flag), user.role);
}

/** The triage as every role sees it; `forRole` adds the statuses a role may move to. */
export async function presentTriage(db: Db, flag: FlagRow): Promise<Triage> {
  const episode = await episodeStart(db, flag);
  return present(db, flag.household_key, episode, await findTriage(db, flag.household_key, episode));
}

export function forRole(triage: Triage, role: Role): Triage {
  return { ...triage, next_statuses: nextStatuses(triage.status, role) };
}

// The open case of the current flag is always shown, but only its steps from the current
// residents' arrival on: an earlier family's notes are not this family's. A case that
// began before the arrival says so, so the coordinator reviews it.
async function present(db: Db, householdKey: string, episode: number, row: TriageRow | undefined): Promise<Triage> {
  const status = (row?.status ?? 'nieuw') as TriageStatus;
  const [all, deadline, arrived, start] = await Promise.all([
    row ? triageEvents(db, row.id) : [],
    findDeadline(db, householdKey, episode),
    residentsArrivedAt(db, householdKey),
    findRun(db, episode),
  ]);
  // Instants with instants: a step earlier on the import day is the earlier family's.
  const events = arrived === null ? all : all.filter((e) => e.at >= arrived);
  const began = [start?.started_at, row?.created_at].filter((d): d is string => d !== undefined).sort()[0];
  return {
    shown_from: arrived === null ? null : dayOf(arrived),
    residents_changed: arrived !== null && began !== undefined && began < arrived,
    id: row?.id ?? null,
    episode_run_id: episode,
    status,
    assigned_to: row?.assigned_to ?? null,
    outcome: (row?.outcome ?? null) as TriageOutcome | null,
    first_contact_due: deadline?.first_contact_due ?? null,
    urgent: deadline?.urgent === 1,
    review_on: row?.review_on ?? null,
    next_statuses: [],
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      by: e.by_user,
      role: (e.by_role ?? null) as Role | null,
      kind: e.kind,
      from_status: e.from_status as TriageStatus | null,
      to_status: e.to_status as TriageStatus | null,
      assigned_to: e.assigned_to,
      outcome: e.outcome as TriageOutcome | null,
      note: e.note,
      review_on: e.review_on ?? null,
      meeting_id: e.meeting_id ?? null,
    })),
  };
}

export type Change =
  | { kind: 'status'; to: TriageStatus; from?: TriageStatus; note?: string; outcome?: TriageOutcome; reviewOn?: string; meetingId?: number }
  | { kind: 'assignment'; assignedTo: string | null; note?: string }
  | { kind: 'outcome'; outcome: TriageOutcome; note?: string }
  | { kind: 'note'; note: string; meetingId?: number };

type TriageSet = Parameters<typeof updateTriage>[3];

/** Applies one change to the episode's triage (created on first use) and records it with who, role, when and why. */
export async function changeTriage(db: Db, clock: Clock, user: AuthenticatedUser, flagId: number, change: Change, today: string): Promise<Triage> {
  const flag = await flagForUser(db, user, flagId, today);
  // An earlier family's case is not read on the newcomers' page; it can only be closed (from the worklist).
  if (!closesEarlierCase(change)) await checkCurrentResidents(db, flag);
  if (change.kind === 'assignment' && change.assignedTo !== null) await checkAssignee(db, change.assignedTo, flag.wijk);
  const episode = await episodeStart(db, flag);
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await ensureTriage(trx, {
      household_key: flag.household_key,
      episode_run_id: episode,
      wijk: flag.wijk,
      status: 'nieuw',
      assigned_to: null,
      outcome: null,
      created_at: at,
      updated_at: at,
    });
    const from = row.status as TriageStatus;
    const set: TriageSet = { updated_at: at, ...planChange(from, user.role, change, today) };
    // Only while the status is still the one read: of two concurrent steps one wins.
    if (!(await updateTriage(trx, row.id, from, set))) throw ApiError.conflict(STALE);
    const eventId = await insertTriageEvent(trx, {
      triage_id: row.id,
      at,
      by_user: user.username,
      by_role: user.role,
      kind: change.kind,
      from_status: change.kind === 'status' ? from : null,
      to_status: change.kind === 'status' ? change.to : null,
      assigned_to: change.kind === 'assignment' ? change.assignedTo : null,
      outcome: change.kind === 'outcome' || change.kind === 'status' ? (change.outcome ?? null) : null,
      note: change.note ?? null,
      review_on: change.kind === 'status' ? (change.reviewOn ?? null) : null,
      meeting_id: change.kind === 'status' || change.kind === 'note' ? (change.meetingId ?? null) : null,
    });
    if (change.kind === 'assignment' && change.assignedTo !== null) await notifyAssignment(trx, change.assignedTo, user.username, eventId, at);
  });
  return forRole(await present(db, flag.household_key, episode, await findTriage(db, flag.household_key, episode)), user.role);
}

/** The one step an earlier family's case takes: closed, without an outcome or a review date (nobody can judge it now). */
function closesEarlierCase(change: Change): boolean {
  return change.kind === 'status' && EARLIER_CASE_CLOSING.includes(change.to) && change.outcome === undefined && change.reviewOn === undefined;
}

/** What a change sets on the triage, or why it may not happen (a Dutch sentence). */
function planChange(from: TriageStatus, role: Role, change: Change, today: string): Omit<TriageSet, 'updated_at'> {
  if (change.kind === 'assignment') return { assigned_to: change.assignedTo };
  if (change.kind === 'note') return {};
  if (change.kind === 'outcome') {
    if (!isFinal(from)) throw ApiError.conflict(OUTCOME_NOT_FINAL);
    return { outcome: change.outcome };
  }
  if (change.from !== undefined && change.from !== from) throw ApiError.conflict(STALE);
  const check = checkTransition(from, change.to, role, { reason: change.note, outcome: change.outcome });
  if (!check.ok) {
    if (check.kind === 'role') throw ApiError.forbidden(check.message);
    if (check.kind === 'reason') throw new ApiError(400, check.message, 'body.note', 'ontbreekt: deze statuswijziging vraagt een reden');
    if (check.kind === 'outcome') throw new ApiError(400, check.message, 'body.outcome', 'alleen bij een afrondende status');
    throw ApiError.conflict(check.message);
  }
  // An outcome belongs to a concluded case: reopening withdraws it (the history keeps it).
  const outcome = change.outcome ?? (isFinal(change.to) ? undefined : null);
  return { status: change.to, review_on: checkedReviewDate(change.to, change.reviewOn, today), ...(outcome === undefined ? {} : { outcome }) };
}

/** A review date belongs to a concluded case and lies after today; any other move clears it. */
function checkedReviewDate(to: TriageStatus, reviewOn: string | undefined, today: string): string | null {
  if (reviewOn === undefined) return null;
  if (!isFinal(to))
    throw new ApiError(400, 'Een datum om opnieuw te bekijken hoort bij het afronden van een zaak.', 'body.review_on', 'alleen bij een afrondende status');
  if (!isRealDate(reviewOn) || reviewOn <= today)
    throw new ApiError(400, 'Kies een datum na vandaag om de zaak opnieuw te bekijken.', 'body.review_on', 'moet een bestaande datum na vandaag zijn');
  return reviewOn;
}

async function checkAssignee(db: Db, username: string, wijk: string): Promise<void> {
  const u = await findUserByUsername(db, username);
  const wijken = u ? (JSON.parse(u.wijken) as string[]) : [];
  if (u?.active !== 1 || u.role !== 'wijkteam' || !wijken.includes(wijk)) {
    throw new ApiError(
      400,
      `Dit huishouden kan alleen worden toegewezen aan een actief wijkteamlid dat in wijk ${wijk} werkt.`,
      'body.assigned_to',
      `geen actief wijkteamlid voor wijk ${wijk}`,
    );
  }
}
