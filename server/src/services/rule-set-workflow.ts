import type { RuleSetDefinition } from '@vroegsignaal/shared';
import type { RuleSetDetail, RuleSetStatus, RuleSetSummary } from '@vroegsignaal/shared/api/rule-sets';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import {
  definitionOf, findRuleSet, insertRuleSet, listRuleSets, markPublicationStatus, markPublished, newestPublished, nextVersion, updateDraft,
  type RuleSetRow,
} from '../repositories/rule-set-repository.ts';
import { ApiError } from './errors.ts';

// Drafts, edits and four-eyes publication: one beleidsmaker requests publication,
// another approves it. A published rule set never changes.

function summary(r: RuleSetRow, activeId: number | undefined): RuleSetSummary {
  return {
    id: r.id, name: r.name, version: r.version, status: r.status as RuleSetStatus, active: r.id === activeId, created_at: r.created_at,
    created_by: r.created_by, publication_requested_by: r.publication_requested_by, publication_requested_at: r.publication_requested_at,
    published_at: r.published_at, published_by: r.published_by, approved_by: r.approved_by,
  };
}

export async function allRuleSets(db: Db): Promise<RuleSetSummary[]> {
  const active = (await newestPublished(db))?.id;
  return (await listRuleSets(db)).map((r) => summary(r, active));
}

export async function ruleSetDetail(db: Db, id: number): Promise<RuleSetDetail> {
  const r = await findRuleSet(db, id);
  if (!r) throw ApiError.notFound('regelset niet gevonden');
  return { ...summary(r, (await newestPublished(db))?.id), definition: definitionOf(r) };
}

export async function createDraft(db: Db, clock: Clock, by: string, def: RuleSetDefinition): Promise<RuleSetDetail> {
  const id = await db.transaction().execute(async (trx) => insertRuleSet(trx, def, await nextVersion(trx, def.name), by, clock.now().toISOString()));
  return ruleSetDetail(db, id);
}

export async function editDraft(db: Db, id: number, def: RuleSetDefinition): Promise<RuleSetDetail> {
  const r = await findRuleSet(db, id);
  if (!r) throw ApiError.notFound('regelset niet gevonden');
  if (def.name !== r.name) throw ApiError.badRequest('body.name', 'de naam van een bestaande regelset kan niet veranderen; maak een nieuwe aan');
  const ok = await db.transaction().execute((trx) => updateDraft(trx, id, def));
  if (!ok) throw ApiError.conflict('alleen een concept kan worden bewerkt; deze regelset is ingediend of gepubliceerd');
  return ruleSetDetail(db, id);
}

export async function requestPublication(db: Db, clock: Clock, by: string, id: number): Promise<RuleSetDetail> {
  if (!(await findRuleSet(db, id))) throw ApiError.notFound('regelset niet gevonden');
  if (!(await markPublicationStatus(db, id, 'draft', 'pending_approval', by, clock.now().toISOString()))) {
    throw ApiError.conflict('alleen een concept kan ter goedkeuring worden ingediend');
  }
  return ruleSetDetail(db, id);
}

export async function withdrawPublication(db: Db, id: number): Promise<RuleSetDetail> {
  if (!(await findRuleSet(db, id))) throw ApiError.notFound('regelset niet gevonden');
  if (!(await markPublicationStatus(db, id, 'pending_approval', 'draft', null, null))) {
    throw ApiError.conflict('deze regelset wacht niet op goedkeuring');
  }
  return ruleSetDetail(db, id);
}

/** Four eyes: the approver must be someone else than who asked for publication. */
export async function approve(db: Db, clock: Clock, approver: string, id: number): Promise<RuleSetDetail> {
  const r = await findRuleSet(db, id);
  if (!r) throw ApiError.notFound('regelset niet gevonden');
  if (r.status !== 'pending_approval' || !r.publication_requested_by) throw ApiError.conflict('deze regelset wacht niet op goedkeuring');
  if (r.publication_requested_by === approver) {
    throw ApiError.forbidden('vier-ogenprincipe: een andere beleidsmaker dan de indiener moet de publicatie goedkeuren');
  }
  const ok = await db.transaction().execute((trx) => markPublished(trx, id, r.publication_requested_by!, approver, clock.now().toISOString()));
  if (!ok) throw ApiError.conflict('deze regelset is al gepubliceerd');
  return ruleSetDetail(db, id);
}
