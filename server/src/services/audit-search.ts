import { AuditPage, type AuditQuery } from '@vroegsignaal/shared/api/admin';
import { describeAuditEvent } from '@vroegsignaal/shared/api/audit-events';
import { isShieldedObjectType, OBJECT_ID_NEEDS_TYPE_REASON, SHIELDED_FILTER_REASON } from '@vroegsignaal/shared/api/audit-shield';
import { Value } from 'typebox/value';
import { redactAuditEntry } from '../core/audit-redaction.ts';
import { addDays } from '../core/dates.ts';
import { searchAudit } from '../repositories/audit-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { ApiError } from './errors.ts';

interface Paging {
  page: number;
  page_size: number;
  limit: number;
  offset: number;
}

/**
 * The beheerder's search of the audit log, with every household identifier replaced.
 * A search on one object id would tell whether a household was read even with the ids
 * hidden (an address key as the id, the answer's total as the oracle), so it needs a type
 * that is not a household, flag or follow-up.
 */
export async function auditPageFor(db: Executor, q: AuditQuery, paging: Paging): Promise<AuditPage> {
  if (q.object_id !== undefined && q.object_type === undefined) throw ApiError.badRequest('querystring.object_id', OBJECT_ID_NEEDS_TYPE_REASON);
  if (q.object_id !== undefined && isShieldedObjectType(q.object_type)) throw ApiError.badRequest('querystring.object_id', SHIELDED_FILTER_REASON);
  const { items, total } = await searchAudit(
    db,
    {
      username: q.username,
      event: q.event,
      object_type: q.object_type,
      object_id: q.object_id,
      outcome: q.outcome,
      from: q.from,
      toExclusive: q.to ? addDays(q.to, 1) : undefined,
    },
    paging.limit,
    paging.offset,
  );
  const page = {
    items: items.map((e) => redactAuditEntry({ ...e, description: describeAuditEvent(e.event) })),
    total,
    page: paging.page,
    page_size: paging.page_size,
  };
  // Fails closed: should the redaction ever leave an address key or postcode, nothing is shown.
  if (!Value.Check(AuditPage, page)) throw new Error('audit page failed its response schema after redaction');
  return page;
}
