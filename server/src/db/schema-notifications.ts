import type { Generated } from 'kysely';

// The e-mail outbox (migration 2026-12-05-0530): written in the transaction of the event
// that causes a notification, sent by the scheduler's notification job. A row holds the
// kind and counts only, never household data; the text is made when it is sent.

export type NotificationKind = 'toewijzing' | 'termijn_nadert' | 'termijn_verstreken' | 'goedkeuring' | 'weekoverzicht';
export type OutboxStatus = 'pending' | 'sent' | 'skipped' | 'failed';

export interface NotificationOutboxTable {
  id: Generated<number>;
  /** Unique per cause and recipient: a second insert of the same notification is ignored. */
  dedupe_key: string;
  kind: NotificationKind;
  user_id: number;
  /** JSON object of counts for the text (e.g. {"toewijzingen":1}). */
  counts: string;
  created_at: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  /** A worker's claim on the row until this instant, so two workers never send it both. */
  claimed_until: string | null;
  claimed_by: string | null;
  sent_at: string | null;
  /** The last delivery error, in Dutch, without addresses or contents. */
  last_error: string | null;
}

export interface NotificationTables {
  notification_outbox: NotificationOutboxTable;
}
