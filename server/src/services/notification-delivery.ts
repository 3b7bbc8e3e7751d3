import type { NotificationConfig } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import { notificationText, type NotificationCounts } from '../core/notification-text.ts';
import type { Db } from '../db/connection.ts';
import { claimNotification, dueNotifications, finishNotification, switchedOff, type OutboxRow } from '../repositories/notification-repository.ts';
import { findUserById } from '../repositories/user-repository.ts';
import { MANDATORY_KINDS } from '@vroegsignaal/shared/api/notifications';
import { deliveryError, type SendMail } from './mailer.ts';

// Sends what waits in the outbox. Each row is claimed first, so two workers never both send
// it; a failed delivery waits retryBaseMs, then twice that, and so on, and is given up after
// `retries` more attempts. The counts and the Dutch error go to the job history.

/** How long a worker may hold a row before another may take it over. */
const CLAIM_MS = 10 * 60_000;
const BATCH = 200;

export interface DeliveryCounts {
  verzonden: number;
  overgeslagen: number;
  opnieuw_proberen: number;
  opgegeven: number;
}

export interface DeliveryResult {
  counts: DeliveryCounts;
  /** Dutch sentences about failed deliveries, without addresses or contents; empty when all went well. */
  errors: string[];
}

export type DeliveryPolicy = Pick<NotificationConfig, 'dashboardUrl' | 'retries' | 'retryBaseMs'>;

export async function deliverNotifications(db: Db, clock: Clock, send: SendMail, policy: DeliveryPolicy, holder: string): Promise<DeliveryResult> {
  const result: DeliveryResult = { counts: { verzonden: 0, overgeslagen: 0, opnieuw_proberen: 0, opgegeven: 0 }, errors: [] };
  for (const row of await dueNotifications(db, clock.now().toISOString(), BATCH)) {
    const now = clock.now();
    if (!(await claimNotification(db, row.id, holder, now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString()))) continue;
    await deliverOne(db, clock, send, policy, row, result);
  }
  return result;
}

async function deliverOne(db: Db, clock: Clock, send: SendMail, policy: DeliveryPolicy, row: OutboxRow, result: DeliveryResult): Promise<void> {
  const user = await findUserById(db, row.user_id);
  const mandatory = (MANDATORY_KINDS as readonly string[]).includes(row.kind);
  // The user may have lost the address, been deactivated or switched the kind off since.
  if (!user?.email || user.active !== 1 || (!mandatory && switchedOff(user).includes(row.kind))) {
    await finishNotification(db, row.id, { status: 'skipped' });
    result.counts.overgeslagen++;
    return;
  }
  try {
    await send({ to: user.email, ...notificationText(row.kind, JSON.parse(row.counts) as NotificationCounts, policy.dashboardUrl) });
    await finishNotification(db, row.id, { status: 'sent', sent_at: clock.now().toISOString(), attempts: row.attempts + 1, last_error: null });
    result.counts.verzonden++;
  } catch (e) {
    await failed(db, clock, policy, row, deliveryError(e), result);
  }
}

async function failed(db: Db, clock: Clock, policy: DeliveryPolicy, row: OutboxRow, why: string, result: DeliveryResult): Promise<void> {
  const attempts = row.attempts + 1;
  const what = `E-mail ${row.id} (${row.kind.replace('_', ' ')})`;
  if (attempts > policy.retries) {
    await finishNotification(db, row.id, { status: 'failed', attempts, last_error: why });
    result.counts.opgegeven++;
    result.errors.push(`${what}: verzenden mislukt na ${attempts} pogingen, opgegeven: ${why}.`);
    return;
  }
  const next = new Date(clock.now().getTime() + policy.retryBaseMs * 2 ** (attempts - 1)).toISOString();
  await finishNotification(db, row.id, { attempts, next_attempt_at: next, last_error: why });
  result.counts.opnieuw_proberen++;
  result.errors.push(`${what}: verzenden mislukt (poging ${attempts}): ${why}; nieuwe poging na ${next.slice(0, 16).replace('T', ' ')} UTC.`);
}
