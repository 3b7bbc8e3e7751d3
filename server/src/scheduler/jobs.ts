import { localDate } from '../core/dates.ts';
import type { Config } from '../config.ts';
import type { EngineContext } from '../services/context.ts';
import { smtpMailer } from '../services/mailer.ts';
import { deliverNotifications } from '../services/notification-delivery.ts';
import { enqueueDeadlineNotices } from '../services/notifications.ts';
import { deactivateInactiveUsers } from '../services/inactivity.ts';
import { applyRetention } from '../services/retention.ts';
import { returnDueReviews } from '../services/review-return.ts';
import { scoreAsOf } from '../services/scoring.ts';
import type { SourceConfig, SourcePolicy } from '../services/sources.ts';
import { JobFailure, type JobSpec } from './job-runner.ts';
import { pullFolder, type FolderMemory, type FolderPullOptions } from './pull-folder.ts';
import { pullHttp, type HttpPullOptions } from './pull-http.ts';

export type SchedulerSettings = Pick<
  Config,
  | 'scoringCron'
  | 'retentionCron'
  | 'retentionDays'
  | 'quarantineRetentionDays'
  | 'auditRetentionDays'
  | 'pullRetries'
  | 'pullRetryBaseMs'
  | 'pullTimeoutMs'
  | 'dropRoot'
  | 'pullAllowedHosts'
> &
  Partial<Pick<Config, 'database' | 'demoDir' | 'reviewCron' | 'notifications' | 'inactivityDays'>>;

export const SCORING_JOB = 'scoring';
export const RETENTION_JOB = 'retention';
export const REVIEW_JOB = 'review';
export const NOTIFICATION_JOB = 'notifications';
export const INACTIVITY_JOB = 'inactivity';
export const pullJobName = (source: string) => `pull:${source}`;

/** The weekly scoring run, as of the local date of the tick. */
export function scoringJob(ctx: EngineContext, cron: string): JobSpec {
  return {
    name: SCORING_JOB,
    sourceName: null,
    cron,
    run: async () => {
      const r = await scoreAsOf(ctx, localDate(ctx.clock.now(), ctx.timeZone));
      return { scoringRunId: r.runId, flags: r.flags, newFlags: r.newFlags, persisting: r.persisting, dropped: r.dropped };
    },
  };
}

export function retentionJob(ctx: EngineContext, settings: SchedulerSettings): JobSpec {
  return {
    name: RETENTION_JOB,
    sourceName: null,
    cron: settings.retentionCron,
    run: async () => ({ ...(await applyRetention(ctx, settings)) }),
  };
}

/** Daily: concluded cases whose review date has come return to the worklist. */
export function reviewJob(ctx: EngineContext, cron: string): JobSpec {
  return {
    name: REVIEW_JOB,
    sourceName: null,
    cron,
    run: async () => ({ ...(await returnDueReviews(ctx.db, ctx.clock, ctx.timeZone)) }),
  };
}

/**
 * Every few minutes: reminders for first-contact deadlines that are near or have passed go
 * into the outbox, then the outbox is sent. A failed delivery fails the run, with Dutch
 * details in the job history; it is tried again on a later run after its back-off.
 */
export function notificationJob(ctx: EngineContext, settings: Config['notifications'], holder: string): JobSpec | null {
  const smtp = settings.smtp;
  if (!smtp) return null;
  const send = smtpMailer(smtp, settings.from);
  return {
    name: NOTIFICATION_JOB,
    sourceName: null,
    cron: settings.cron,
    run: async () => {
      const queued = await enqueueDeadlineNotices(ctx.db, ctx.clock, ctx.timeZone, settings.deadlineNoticeDays);
      const { counts, errors } = await deliverNotifications(ctx.db, ctx.clock, send, settings, holder);
      if (errors.length > 0) throw new JobFailure(errors.join(' '), { ...queued, ...counts });
      return { ...queued, ...counts };
    },
  };
}

/** Nightly, with retention: accounts not signed in for `inactivityDays` (default 90) are deactivated. */
export function inactivityJob(ctx: EngineContext, settings: SchedulerSettings): JobSpec {
  return {
    name: INACTIVITY_JOB,
    sourceName: null,
    cron: settings.retentionCron,
    run: async () => ({ ...(await deactivateInactiveUsers(ctx, settings.inactivityDays ?? 90)) }),
  };
}

export interface PullDeps {
  http: HttpPullOptions;
  /** Every drop folder must still lie inside its drop root, and clear of other places, when it is pulled. */
  places: SourcePolicy;
  /** Per source: what the previous poll of its drop folder saw. */
  memoryOf(source: string): FolderMemory;
}

export function pullJob(ctx: EngineContext, source: SourceConfig, deps: PullDeps, folderOptions: FolderPullOptions = {}): JobSpec {
  return {
    name: pullJobName(source.name),
    sourceName: source.name,
    cron: source.schedule,
    run: () =>
      source.fetch.kind === 'folder'
        ? pullFolder(ctx, { ...source, fetch: source.fetch }, deps.places, deps.memoryOf(source.name), folderOptions)
        : pullHttp(ctx, { ...source, fetch: source.fetch }, deps.http),
  };
}
