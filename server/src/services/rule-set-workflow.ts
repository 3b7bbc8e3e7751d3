import type { RuleSetDefinition } from '@vroegsignaal/shared';
import type { ApproveRuleSet, RuleSetDetail, RuleSetStatus, RuleSetSummary } from '@vroegsignaal/shared/api/rule-sets';
import type { Clock } from '../core/clock.ts';
import { contentHash } from '../core/content-hash.ts';
import type { Db } from '../db/connection.ts';
import {
  addRuleSetEvent,
  definitionOf,
  findRuleSet,
  insertRuleSet,
  listRuleSets,
  markPublicationStatus,
  markPublished,
  newestPublished,
  nextVersion,
  ruleSetEvents,
  updateDraft,
  type RuleSetRow,
} from '../repositories/rule-set-repository.ts';
import { ApiError } from './errors.ts';
import { notifyApprovalRequest } from './notifications.ts';

// Drafts, edits and four-eyes publication: one beleidsmaker requests publication of an
// exact version (content hash); someone who neither wrote, edited nor requested it approves
// that version, with a reason. An edit after the request voids it. A published set never changes.

function summary(r: RuleSetRow, activeId: number | undefined): RuleSetSummary {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    status: r.status as RuleSetStatus,
    active: r.id === activeId,
    created_at: r.created_at,
    created_by: r.created_by,
    publication_requested_by: r.publication_requested_by,
    publication_requested_at: r.publication_requested_at,
    published_at: r.published_at,
    published_by: r.published_by,
    approved_by: r.approved_by,
    approval_reason: r.approval_reason,
    published_via: r.status !== 'published' ? null : r.published_via === 'vier-ogen' ? 'vier-ogen' : 'beheer',
    content_hash: contentHash(definitionOf(r)),
  };
}

export async function allRuleSets(db: Db): Promise<RuleSetSummary[]> {
  const active = (await newestPublished(db))?.id;
  return (await listRuleSets(db)).map((r) => summary(r, active));
}

async function found(db: Db, id: number): Promise<RuleSetRow> {
  const r = await findRuleSet(db, id);
  if (!r) throw ApiError.notFound('regelset niet gevonden');
  return r;
}

export async function ruleSetDetail(db: Db, id: number): Promise<RuleSetDetail> {
  const r = await found(db, id);
  const history = (await ruleSetEvents(db, id)).map((e) => ({ kind: e.kind, by: e.actor, at: e.at, content_hash: e.content_hash, reason: e.reason }));
  return { ...summary(r, (await newestPublished(db))?.id), definition: definitionOf(r), history };
}

export async function createDraft(db: Db, clock: Clock, by: string, def: RuleSetDefinition): Promise<RuleSetDetail> {
  const at = clock.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertRuleSet(trx, def, await nextVersion(trx, def.name), by, at);
    await addRuleSetEvent(trx, { rule_set_id: created, kind: 'created', actor: by, at, content_hash: contentHash(def) });
    return created;
  });
  return ruleSetDetail(db, id);
}

/** Edits a rule set that is not published; an edit of one waiting for approval voids the request. */
export async function editDraft(db: Db, clock: Clock, by: string, id: number, def: RuleSetDefinition): Promise<{ detail: RuleSetDetail; voided: boolean }> {
  const r = await found(db, id);
  if (def.name !== r.name) throw ApiError.badRequest('body.name', 'de naam van een bestaande regelset kan niet veranderen; maak een nieuwe aan');
  const at = clock.now().toISOString();
  const hash = contentHash(def);
  const voided = await db.transaction().execute(async (trx) => {
    const before = await findRuleSet(trx, id);
    if (!before || !(await updateDraft(trx, id, def))) throw ApiError.conflict('een gepubliceerde regelset kan niet worden bewerkt; maak een nieuw concept');
    const wasPending = before.status === 'pending_approval';
    if (wasPending)
      await addRuleSetEvent(trx, { rule_set_id: id, kind: 'voided', actor: by, at, content_hash: hash, reason: 'gewijzigd na de publicatieaanvraag' });
    await addRuleSetEvent(trx, { rule_set_id: id, kind: 'edited', actor: by, at, content_hash: hash });
    return wasPending;
  });
  return { detail: await ruleSetDetail(db, id), voided };
}

export async function requestPublication(db: Db, clock: Clock, by: string, id: number): Promise<RuleSetDetail> {
  const r = await found(db, id);
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await markPublicationStatus(trx, id, 'draft', 'pending_approval', by, at))) {
      throw ApiError.conflict('alleen een concept kan ter goedkeuring worden ingediend');
    }
    await addRuleSetEvent(trx, { rule_set_id: id, kind: 'requested', actor: by, at, content_hash: contentHash(definitionOf(r)) });
    await notifyApprovalRequest(trx, by, id, at);
  });
  return ruleSetDetail(db, id);
}

/** Only who requested publication can withdraw the request. */
export async function withdrawPublication(db: Db, clock: Clock, by: string, id: number): Promise<RuleSetDetail> {
  const r = await found(db, id);
  if (r.status !== 'pending_approval') throw ApiError.conflict('deze regelset wacht niet op goedkeuring');
  if (r.publication_requested_by !== by) throw ApiError.forbidden('alleen wie de publicatie aanvroeg, kan de aanvraag intrekken');
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await markPublicationStatus(trx, id, 'pending_approval', 'draft', null, null))) throw ApiError.conflict('deze regelset wacht niet op goedkeuring');
    await addRuleSetEvent(trx, { rule_set_id: id, kind: 'withdrawn', actor: by, at, content_hash: contentHash(definitionOf(r)) });
  });
  return ruleSetDetail(db, id);
}

/**
 * Who wrote, edited or ever requested publication of a rule set: none of them may approve
 * it. A requester who withdrew still counts, or withdrawing and letting someone else
 * request would open the way to approving one's own request.
 */
async function participants(db: Db, r: RuleSetRow): Promise<Set<string>> {
  const events = await ruleSetEvents(db, r.id);
  const wrote = events.filter((e) => e.kind === 'created' || e.kind === 'edited' || e.kind === 'requested').map((e) => e.actor);
  return new Set([r.created_by, ...wrote, ...(r.publication_requested_by ? [r.publication_requested_by] : [])]);
}

/** Four eyes: a second beleidsmaker approves the exact version requested (its content hash), with a reason. */
export async function approve(db: Db, clock: Clock, approver: string, id: number, body: ApproveRuleSet): Promise<RuleSetDetail> {
  const r = await found(db, id);
  if (r.status !== 'pending_approval' || !r.publication_requested_by) throw ApiError.conflict('deze regelset wacht niet op goedkeuring');
  if ((await participants(db, r)).has(approver)) {
    throw ApiError.forbidden('vier-ogenprincipe: wie de regelset opstelde, bewerkte of de publicatie aanvroeg, kan haar niet goedkeuren');
  }
  const hash = contentHash(definitionOf(r));
  if (body.content_hash !== hash) throw ApiError.conflict('deze versie is niet de versie die ter goedkeuring ligt; bekijk de regelset en het effect opnieuw');
  const reason = body.reason.trim();
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const ok = await markPublished(
      trx,
      id,
      { by: r.publication_requested_by!, at, approvedBy: approver, reason, via: 'vier-ogen' },
      ['pending_approval'],
      r.definition,
    );
    if (!ok) throw ApiError.conflict('deze regelset wacht niet meer op goedkeuring');
    await addRuleSetEvent(trx, { rule_set_id: id, kind: 'approved', actor: approver, at, content_hash: hash, reason });
  });
  return ruleSetDetail(db, id);
}
