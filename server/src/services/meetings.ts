import type { Meeting, MeetingList, MeetingRecordBody, NewMeetingBody } from '@vroegsignaal/shared/api/meetings';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import type { Clock } from '../core/clock.ts';
import { addDays, formatDutchDate, isRealDate } from '../core/dates.ts';
import type { Db } from '../db/connection.ts';
import { findFlag, runOfFlag } from '../repositories/flag-list-repository.ts';
import { knownWijken } from '../repositories/household-repository.ts';
import {
  addMeetingItem,
  findMeeting,
  findMeetingItem,
  findMeetingItemOf,
  insertMeeting,
  listMeetings,
  meetingItems,
  recordMeetingItem,
  updateMeetingItem,
} from '../repositories/meeting-repository.ts';
import { newestRun } from '../repositories/run-repository.ts';
import { CLOSED_TRIAGE_STATUSES } from '@vroegsignaal/shared/api/flags';
import { ApiError } from './errors.ts';
import { checkCurrentResidents, flagPredatesResidents } from './residents.ts';
import { changeTriage, presentTriage } from './triage.ts';

// The zorgnetwerk meeting: planning, the agenda, and per family the record that moves its
// triage to "besproken in zorgnetwerk" through the one transition table.

const MEETING_NOT_FOUND = 'Dit overleg bestaat niet (meer).';
/** A meeting is planned at most a year ahead, or recorded afterwards up to four weeks back. */
const PAST_DAYS = 28;
const AHEAD_DAYS = 366;
const EARLIER_ITEM_RECORDED =
  'Op deze agenda staat dit adres al, met het advies over de vorige bewoners. Zet het huidige gezin op de agenda van een volgend overleg.';
const RECORDED_MEANWHILE = 'Het advies voor dit gezin is intussen door iemand anders vastgelegd. Bekijk het en probeer het zo nodig opnieuw.';

export async function meetingsList(db: Db, today: string): Promise<MeetingList> {
  return (await listMeetings(db, today)).map((m) => ({
    id: Number(m.id),
    held_on: m.held_on,
    wijken: JSON.parse(m.wijken) as string[],
    families: Number(m.families),
    created_by: m.created_by,
  }));
}

export async function planMeeting(db: Db, clock: Clock, user: AuthenticatedUser, body: NewMeetingBody, orgs: string[], today: string): Promise<Meeting> {
  if (!isRealDate(body.held_on)) throw ApiError.badRequest('body.held_on', 'is geen bestaande datum');
  if (body.held_on < addDays(today, -PAST_DAYS) || body.held_on > addDays(today, AHEAD_DAYS)) {
    throw ApiError.badRequest(
      'body.held_on',
      `moet tussen ${formatDutchDate(addDays(today, -PAST_DAYS))} en ${formatDutchDate(addDays(today, AHEAD_DAYS))} liggen`,
    );
  }
  const known = await knownWijken(db, body.wijken);
  const unknown = body.wijken.find((w) => !known.has(w));
  if (unknown !== undefined) throw ApiError.badRequest('body.wijken', `wijk '${unknown}' is onbekend`);
  const id = await insertMeeting(db, {
    held_on: body.held_on,
    wijken: JSON.stringify(body.wijken),
    created_by: user.username,
    created_at: clock.now().toISOString(),
  });
  return meetingDetail(db, id, orgs, today);
}

/** A meeting with its agenda; a family whose household is excluded today (restriction, objection) is left out, as on every list. */
export async function meetingDetail(db: Db, id: number, orgs: string[], today: string): Promise<Meeting> {
  const m = await findMeeting(db, id);
  if (!m) throw ApiError.notFound(MEETING_NOT_FOUND);
  const rows = await meetingItems(db, id);
  const items = [];
  for (const r of rows) {
    const flag = await findFlag(db, r.flag_id, today);
    if (!flag) continue;
    const status: TriageStatus = (await presentTriage(db, flag)).status;
    items.push({
      id: Number(r.id),
      flag_id: r.flag_id,
      household_key: r.household_key,
      wijk: r.wijk,
      triage_status: status,
      advice: r.advice,
      regisseur_name: r.regisseur_name,
      regisseur_org: r.regisseur_org,
      next_step: r.next_step,
      next_step_due: r.next_step_due,
      recorded_by: r.recorded_by,
      recorded_at: r.recorded_at,
      residents_changed: await flagPredatesResidents(db, flag),
    });
  }
  return {
    id: m.id,
    held_on: m.held_on,
    wijken: JSON.parse(m.wijken) as string[],
    families: items.length,
    created_by: m.created_by,
    items,
    partner_organisations: orgs,
  };
}

/** Puts a flagged household on the agenda; it must lie in one of the meeting's wijken. */
export async function putOnAgenda(
  db: Db,
  clock: Clock,
  user: AuthenticatedUser,
  meetingId: number,
  flagId: number,
  orgs: string[],
  today: string,
): Promise<Meeting> {
  const m = await findMeeting(db, meetingId);
  if (!m) throw ApiError.notFound(MEETING_NOT_FOUND);
  const flag = await findFlag(db, flagId, today);
  if (!flag) throw ApiError.badRequest('body.flag_id', 'deze signalering bestaat niet');
  const wijken = JSON.parse(m.wijken) as string[];
  if (!wijken.includes(flag.wijk)) throw ApiError.badRequest('body.flag_id', `dit huishouden ligt in ${flag.wijk}; het overleg gaat over ${wijken.join(', ')}`);
  if (m.held_on < today) throw ApiError.conflict('Dit overleg is al geweest: zet het gezin op de agenda van een volgend overleg.');
  await checkCurrentResidents(db, flag); // advice on it would be refused: the family no longer lives there
  await checkOnListOrOpen(db, flag);
  const item = { flag_id: flagId, added_by: user.username, added_at: clock.now().toISOString() };
  const earlier = await earlierFamilysItem(db, meetingId, flag);
  if (earlier) await updateMeetingItem(db, earlier.id, item);
  else await addMeetingItem(db, { ...item, meeting_id: meetingId, household_key: flag.household_key, wijk: flag.wijk });
  return meetingDetail(db, meetingId, orgs, today);
}

/**
 * The item of this address put on the agenda for a family that no longer lives there: the
 * current family takes its place. Once advice on it was recorded it stays, and the current
 * family goes on a next meeting (409).
 */
async function earlierFamilysItem(db: Db, meetingId: number, flag: { household_key: string; id: number }) {
  const item = await findMeetingItemOf(db, meetingId, flag.household_key);
  if (!item || item.flag_id === flag.id) return undefined;
  const runId = await runOfFlag(db, item.flag_id);
  if (runId === undefined || !(await flagPredatesResidents(db, { household_key: item.household_key, run_id: runId }))) return undefined;
  if (item.recorded_at !== null) throw ApiError.conflict(EARLIER_ITEM_RECORDED);
  return item;
}

/** A family goes on an agenda from this week's list, or with a case still open after it left the list. */
async function checkOnListOrOpen(db: Db, flag: NonNullable<Awaited<ReturnType<typeof findFlag>>>): Promise<void> {
  if (flag.run_id === (await newestRun(db))?.id) return;
  const triage = await presentTriage(db, flag);
  if (triage.id === null || (CLOSED_TRIAGE_STATUSES as readonly string[]).includes(triage.status)) {
    throw ApiError.badRequest('body.flag_id', 'dit huishouden staat niet meer op de lijst en heeft geen open zaak');
  }
}

/**
 * Records what the meeting decided for one family and moves its triage to "besproken in
 * zorgnetwerk" (a move the transition table must allow from where it stands), linked to the meeting.
 */
export async function recordAdvice(
  db: Db,
  clock: Clock,
  user: AuthenticatedUser,
  ids: { meetingId: number; itemId: number },
  body: MeetingRecordBody,
  orgs: string[],
  today: string,
): Promise<Meeting> {
  const m = await findMeeting(db, ids.meetingId);
  const item = m ? await findMeetingItem(db, ids.meetingId, ids.itemId) : undefined;
  if (!m || !item) throw ApiError.notFound('Dit gezin staat niet (meer) op de agenda van dit overleg.');
  if (!orgs.includes(body.regisseur_org)) throw ApiError.badRequest('body.regisseur_org', `kies een van: ${orgs.join(', ')}`);
  if (!isRealDate(body.next_step_due)) throw ApiError.badRequest('body.next_step_due', 'is geen bestaande datum');
  if (body.next_step_due < m.held_on || body.next_step_due > addDays(m.held_on, AHEAD_DAYS)) {
    throw ApiError.badRequest('body.next_step_due', `moet tussen de datum van het overleg (${formatDutchDate(m.held_on)}) en een jaar daarna liggen`);
  }
  const flag = await findFlag(db, item.flag_id, today);
  if (!flag) throw ApiError.notFound('De signalering van dit gezin bestaat niet meer.');
  await checkCurrentResidents(db, flag); // advice about an earlier family must not land in the newcomers' case
  const note =
    `Zorgnetwerk ${formatDutchDate(m.held_on)}. Advies: ${body.advice} Regisseur: ${body.regisseur_name} (${body.regisseur_org}). ` +
    `Volgende stap: ${body.next_step} (vóór ${formatDutchDate(body.next_step_due)}).`;
  const current = (await presentTriage(db, flag)).status;
  const previous = {
    advice: item.advice,
    regisseur_name: item.regisseur_name,
    regisseur_org: item.regisseur_org,
    next_step: item.next_step,
    next_step_due: item.next_step_due,
    recorded_by: item.recorded_by,
    recorded_at: item.recorded_at,
  };
  const { seen_recorded_at: seen, ...record } = body;
  if (
    seen !== item.recorded_at ||
    !(await recordMeetingItem(db, item.id, seen, { ...record, recorded_by: user.username, recorded_at: clock.now().toISOString() }))
  ) {
    throw ApiError.conflict(RECORDED_MEANWHILE);
  }
  // The triage step is its own transaction; when it is refused, the item gets its earlier record back.
  await changeTriage(
    db,
    clock,
    user,
    item.flag_id,
    current === 'besproken_in_zorgnetwerk'
      ? { kind: 'note', note, meetingId: m.id }
      : { kind: 'status', to: 'besproken_in_zorgnetwerk', note, meetingId: m.id },
    today,
  ).catch(async (e: unknown) => {
    await updateMeetingItem(db, item.id, previous);
    throw e;
  });
  return meetingDetail(db, m.id, orgs, today);
}
