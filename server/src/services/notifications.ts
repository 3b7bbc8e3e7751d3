import type { Clock } from '../core/clock.ts';
import { addDays, localDate } from '../core/dates.ts';
import type { NotificationCounts } from '../core/notification-text.ts';
import type { NotificationKind } from '../db/schema-notifications.ts';
import { enqueueNotifications, recipients, waitingAssignedCases } from '../repositories/notification-repository.ts';
import type { Executor } from '../repositories/types.ts';
import type { UserRow } from '../repositories/user-repository.ts';

// What causes an e-mail, written to the outbox inside the transaction of the cause (an
// assignment, a publication request, a scoring run) so that a crash leaves both or neither.
// The scheduler's notification job sends them (notification-delivery.ts).

function rows(users: UserRow[], kind: NotificationKind, cause: string, counts: NotificationCounts, at: string) {
  return users.map((u) => ({ dedupe_key: `${kind}:${cause}:${u.id}`, kind, user_id: u.id, counts: JSON.stringify(counts), created_at: at }));
}

/** A flag was assigned to someone else than who assigned it. */
export async function notifyAssignment(trx: Executor, assignee: string, by: string, triageEventId: number, at: string): Promise<void> {
  if (assignee === by) return;
  const users = await recipients(trx, 'toewijzing', { usernames: [assignee] });
  await enqueueNotifications(trx, rows(users, 'toewijzing', `event-${triageEventId}`, { toewijzingen: 1 }, at));
}

/** A rule set waits for a second beleidsmaker: every other beleidsmaker hears, whatever they switched off. */
export async function notifyApprovalRequest(trx: Executor, requester: string, ruleSetId: number, at: string): Promise<void> {
  const users = (await recipients(trx, 'goedkeuring', { role: 'beleidsmaker' }, true)).filter((u) => u.username !== requester);
  await enqueueNotifications(trx, rows(users, 'goedkeuring', `rule-set-${ruleSetId}-${at}`, { regelsets: 1 }, at));
}

/** After a scoring run: the coordinators' weekly digest, counts only. */
export async function notifyDigest(trx: Executor, runId: number, counts: { op_lijst: number; nieuw: number; asOf: string }, at: string): Promise<void> {
  const users = await recipients(trx, 'weekoverzicht', { role: 'coordinator' });
  if (users.length === 0) return;
  const overdue = await overdueAssigned(trx, counts.asOf);
  await enqueueNotifications(
    trx,
    rows(users, 'weekoverzicht', `run-${runId}`, { op_lijst: counts.op_lijst, nieuw: counts.nieuw, termijn_verstreken: overdue }, at),
  );
}

async function overdueAssigned(trx: Executor, today: string): Promise<number> {
  return (await waitingAssignedCases(trx, '0000-01-01', addDays(today, -1), today)).length;
}

/**
 * Each open, assigned case still waiting for first contact: one reminder when its due date
 * is `noticeDays` away or closer, one more when it has passed; once each per episode
 * (the dedupe key is the episode's triage), however often this runs.
 */
export async function enqueueDeadlineNotices(db: Executor, clock: Clock, timeZone: string, noticeDays: number): Promise<{ klaargezet: number }> {
  const today = localDate(clock.now(), timeZone);
  const at = clock.now().toISOString();
  let queued = 0;
  const plan: [NotificationKind, string, string, NotificationCounts][] = [
    ['termijn_nadert', today, addDays(today, noticeDays), { zaken: 1, dagen: noticeDays }],
    ['termijn_verstreken', '0000-01-01', addDays(today, -1), { zaken: 1 }],
  ];
  for (const [kind, from, to, counts] of plan) {
    const cases = await waitingAssignedCases(db, from, to, today);
    const wanted = await recipients(db, kind, { usernames: [...new Set(cases.map((c) => c.username))] });
    const ok = new Set(wanted.map((u) => u.id));
    const mine = cases.filter((c) => ok.has(c.user_id));
    queued += await enqueueNotifications(
      db,
      mine.map((c) => ({ dedupe_key: `${kind}:triage-${c.triage_id}`, kind, user_id: c.user_id, counts: JSON.stringify(counts), created_at: at })),
    );
  }
  return { klaargezet: queued };
}
