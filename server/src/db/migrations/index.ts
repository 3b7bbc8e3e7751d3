import type { Migration } from 'kysely';
import * as engine from './2026-11-25-0001-engine.ts';
import * as scheduling from './2026-11-25-0002-scheduling.ts';
import * as access from './2026-11-25-0003-access.ts';
import * as performance from './2026-11-25-0004-performance.ts';
import * as evidence from './2026-11-29-0005-evidence-by-reference.ts';
import * as evidenceIndex from './2026-11-30-0006-evidence-index-ids.ts';
import * as ruleSetFourEyes from './2026-12-04-0200-rule-set-four-eyes.ts';
import * as auditAppendOnly from './2026-12-04-0500-audit-append-only.ts';
import * as triageEventRole from './2026-12-05-0113-triage-event-role.ts';
import * as residentsRights from './2026-12-05-0230-residents-rights.ts';
import * as signalMarksUnique from './2026-12-05-0300-signal-marks-unique.ts';
import * as triageDeadlines from './2026-12-05-0400-triage-deadlines.ts';
import * as zorgnetwerkMeetings from './2026-12-05-0401-zorgnetwerk-meetings.ts';
import * as oidc from './2026-12-05-0510-oidc.ts';
import * as localSecondFactor from './2026-12-05-0520-local-second-factor.ts';
import * as notifications from './2026-12-05-0530-notifications.ts';
import * as secondFactorLock from './2026-12-05-0610-second-factor-lock.ts';
import * as residences from './2026-12-05-0700-residences.ts';
import * as accessRequestScope from './2026-12-05-0701-access-request-scope.ts';
import * as exclusionPersons from './2026-12-05-0710-exclusion-persons.ts';
import * as signalMarksPerRole from './2026-12-05-1100-signal-marks-per-role.ts';
import * as runFirstContactDue from './2026-12-05-1110-run-first-contact-due.ts';

/** Every migration, by its frozen name; new files are added here in date order. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-0001-engine': engine,
  '2026-11-25-0002-scheduling': scheduling,
  '2026-11-25-0003-access': access,
  '2026-11-25-0004-performance': performance,
  '2026-11-29-0005-evidence-by-reference': evidence,
  '2026-11-30-0006-evidence-index-ids': evidenceIndex,
  '2026-12-04-0200-rule-set-four-eyes': ruleSetFourEyes,
  '2026-12-04-0500-audit-append-only': auditAppendOnly,
  '2026-12-05-0113-triage-event-role': triageEventRole,
  '2026-12-05-0230-residents-rights': residentsRights,
  '2026-12-05-0300-signal-marks-unique': signalMarksUnique,
  '2026-12-05-0400-triage-deadlines': triageDeadlines,
  '2026-12-05-0401-zorgnetwerk-meetings': zorgnetwerkMeetings,
  '2026-12-05-0510-oidc': oidc,
  '2026-12-05-0520-local-second-factor': localSecondFactor,
  '2026-12-05-0530-notifications': notifications,
  '2026-12-05-0610-second-factor-lock': secondFactorLock,
  '2026-12-05-0700-residences': residences,
  '2026-12-05-0701-access-request-scope': accessRequestScope,
  '2026-12-05-0710-exclusion-persons': exclusionPersons,
  '2026-12-05-1100-signal-marks-per-role': signalMarksPerRole,
  '2026-12-05-1110-run-first-contact-due': runFirstContactDue,
};
