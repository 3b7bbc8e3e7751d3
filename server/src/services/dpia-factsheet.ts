import { DOMAIN_LABELS, INDICATOR_CATALOGUE, type Domain } from '@vroegsignaal/shared';
import type { WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { describeAuditEvent } from '@vroegsignaal/shared/api/audit-events';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { auditCountsByRole } from '../repositories/audit-repository.ts';
import { quarantineBySource } from '../repositories/ingest-run-repository.ts';
import { eventsOfRuleSets, publishedRuleSets, type RuleSetEventRow } from '../repositories/rule-set-repository.ts';
import { newestRunBetween } from '../repositories/run-repository.ts';
import { wijken } from './aggregates.ts';
import { approvalOf, formatInstant, ROLE_OF_EVENT } from './approval.ts';
import { ApiError } from './errors.ts';
import { retentionOf, SMALL_CELLS, sourcesDelivering } from './public-transparency.ts';

// The facts a DPIA needs, from the live data over a chosen period: data categories per
// source, access per role (audit log), retention, suppression, the rule-set history with
// approvals, quarantine rates per source and over-representation per wijk.

export interface DpiaPeriod {
  from: string;
  to: string;
}

/** The period's bounds as instants: from the start of `from` to the end of `to` (UTC days). */
export function periodBounds(p: DpiaPeriod): { fromIso: string; toExclusiveIso: string } {
  if (p.from > p.to) throw ApiError.badRequest('query.from', 'ligt na de einddatum');
  const next = new Date(`${p.to}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { fromIso: `${p.from}T00:00:00.000Z`, toExclusiveIso: next.toISOString() };
}

export interface RoleAccess {
  role: string;
  total: number;
  events: { event: string; description: string; outcome: string; n: number }[];
}

export interface RuleSetHistory {
  name: string;
  version: number;
  published_at: string | null;
  approval: string;
  reason: string | null;
  events: { at: string; kind: RuleSetEventRow['kind']; role: string }[];
}

export interface DpiaFacts {
  period: DpiaPeriod;
  generatedAt: string;
  organisation: string | null;
  sources: { name: string; categories: { label: string; domain: string; meaning: string }[] }[];
  access: RoleAccess[];
  retention: { what: string; days: number }[];
  ruleSets: RuleSetHistory[];
  quarantine: { source: string; deliveries: number; read_rows: number; quarantined: number }[];
  fairness: WijkenAggregate | null;
}

const NO_ROLE = 'zonder sessie';

/** Who did a step on a rule set, by role: the CLI creates sets as `cli`, everything else is a beleidsmaker. */
function roleOfEvent(e: RuleSetEventRow): string {
  if (e.kind === 'published') return ROLE_OF_EVENT.published;
  if (e.kind === 'approved') return ROLE_OF_EVENT.approved;
  return e.actor === 'cli' ? 'beheer (CLI)' : 'beleidsmaker';
}

function groupAccess(rows: Awaited<ReturnType<typeof auditCountsByRole>>): RoleAccess[] {
  const byRole = new Map<string, RoleAccess>();
  for (const r of rows) {
    const role = r.role ?? NO_ROLE;
    const entry = byRole.get(role) ?? { role, total: 0, events: [] };
    entry.total += r.n;
    entry.events.push({ event: r.event, description: describeAuditEvent(r.event), outcome: r.outcome, n: r.n });
    byRole.set(role, entry);
  }
  return [...byRole.values()];
}

async function ruleSetHistory(db: Db, timeZone: string): Promise<RuleSetHistory[]> {
  const sets = await publishedRuleSets(db);
  const events = await eventsOfRuleSets(
    db,
    sets.map((s) => s.id),
  );
  return sets.map((s) => ({
    name: s.name,
    version: s.version,
    published_at: s.published_at,
    approval: approvalOf(s, events, timeZone).text,
    reason: s.approval_reason,
    events: events.filter((e) => e.rule_set_id === s.id).map((e) => ({ at: e.at, kind: e.kind, role: roleOfEvent(e) })),
  }));
}

async function fairness(db: Db, p: DpiaPeriod): Promise<WijkenAggregate | null> {
  const run = await newestRunBetween(db, p.from, p.to);
  return run ? wijken(db, run.id) : null;
}

export async function dpiaFacts(db: Db, config: Config, clock: Clock, p: DpiaPeriod): Promise<DpiaFacts> {
  const { fromIso, toExclusiveIso } = periodBounds(p);
  const [sources, access, ruleSets, quarantine, wijkFacts] = await Promise.all([
    sourcesDelivering(db),
    auditCountsByRole(db, fromIso, toExclusiveIso),
    ruleSetHistory(db, config.timeZone),
    quarantineBySource(db, fromIso, toExclusiveIso),
    fairness(db, p),
  ]);
  return {
    period: p,
    generatedAt: clock.now().toISOString(),
    organisation: config.publication.organisation,
    sources: sources.map((s) => ({
      name: s.name,
      categories: s.indicators.map((i) => {
        const entry = INDICATOR_CATALOGUE.find((e) => e.indicator === i.indicator);
        return { label: i.label, domain: entry ? DOMAIN_LABELS[entry.domain as Domain] : 'onbekend', meaning: entry?.valueMeaning ?? 'onbekend' };
      }),
    })),
    access: groupAccess(access),
    retention: retentionOf(config),
    ruleSets,
    quarantine: quarantine.map((q) => ({ ...q, source: q.source ?? 'zonder bron (bestand via beheer)' })),
    fairness: wijkFacts,
  };
}

export { formatInstant, SMALL_CELLS, NO_ROLE };
