import type { RuleSetDefinition } from '@vroegsignaal/shared';
import type { Selectable } from 'kysely';
import type { RuleSetEventKind, RuleSetEventTable, RuleSetTable } from '../db/schema.ts';
import type { Executor } from './types.ts';

export type RuleSetRow = Selectable<RuleSetTable>;
export type RuleSetEventRow = Selectable<RuleSetEventTable>;

export async function nextVersion(db: Executor, name: string): Promise<number> {
  const row = await db
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertRuleSet(db: Executor, def: RuleSetDefinition, version: number, by: string, at: string): Promise<number> {
  const { id } = await db
    .insertInto('rule_sets')
    .values({
      name: def.name,
      version,
      status: 'draft',
      flag_threshold: def.flag_threshold,
      min_domains: def.min_domains,
      definition: JSON.stringify(def),
      created_at: at,
      created_by: by,
      publication_requested_by: null,
      publication_requested_at: null,
      published_at: null,
      published_by: null,
      approved_by: null,
      approval_reason: null,
      published_via: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRules(db, id, def);
  return id;
}

export interface Publication {
  by: string;
  at: string;
  approvedBy: string | null;
  reason: string | null;
  /** 'beheer' (operator CLI) or 'vier-ogen' (approved by a second beleidsmaker). */
  via: 'beheer' | 'vier-ogen';
}

/** Publishes a rule set that is in one of `from`; a published rule set is never changed again. */
export async function markPublished(db: Executor, id: number, p: Publication, from: RuleSetRow['status'][], definition?: string): Promise<boolean> {
  let update = db
    .updateTable('rule_sets')
    .set({ status: 'published', published_at: p.at, published_by: p.by, approved_by: p.approvedBy, approval_reason: p.reason, published_via: p.via })
    .where('id', '=', id)
    .where('status', 'in', from);
  // An approval publishes only the content it saw.
  if (definition !== undefined) update = update.where('definition', '=', definition);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function addRuleSetEvent(
  db: Executor,
  e: { rule_set_id: number; kind: RuleSetEventKind; actor: string; at: string; content_hash: string; reason?: string | null },
): Promise<void> {
  await db
    .insertInto('rule_set_events')
    .values({ ...e, reason: e.reason ?? null })
    .execute();
}

export async function ruleSetEvents(db: Executor, id: number): Promise<RuleSetEventRow[]> {
  return db.selectFrom('rule_set_events').selectAll().where('rule_set_id', '=', id).orderBy('id').execute();
}

export async function findRuleSet(db: Executor, id: number): Promise<RuleSetRow | undefined> {
  return db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The most recently published rule set, the one a scoring run uses. */
export async function newestPublished(db: Executor): Promise<RuleSetRow | undefined> {
  return db
    .selectFrom('rule_sets')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function definitionOf(row: RuleSetRow): RuleSetDefinition {
  return JSON.parse(row.definition) as RuleSetDefinition;
}

// Used by the API's draft / four-eyes workflow.

export async function listRuleSets(db: Executor): Promise<RuleSetRow[]> {
  return db.selectFrom('rule_sets').selectAll().orderBy('name').orderBy('version', 'desc').execute();
}

/** Replaces the rules of an unpublished rule set and makes it a draft again (an edit voids a publication request); false when published. */
export async function updateDraft(db: Executor, id: number, def: RuleSetDefinition): Promise<boolean> {
  const result = await db
    .updateTable('rule_sets')
    .set({
      flag_threshold: def.flag_threshold,
      min_domains: def.min_domains,
      definition: JSON.stringify(def),
      status: 'draft',
      publication_requested_by: null,
      publication_requested_at: null,
    })
    .where('id', '=', id)
    .where('status', '!=', 'published')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('rule_set_rules').where('rule_set_id', '=', id).execute();
  await insertRules(db, id, def);
  return true;
}

/** Moves a rule set between draft and pending_approval (four eyes); false when it was not in `from`. */
export async function markPublicationStatus(
  db: Executor,
  id: number,
  from: 'draft' | 'pending_approval',
  to: 'draft' | 'pending_approval',
  by: string | null,
  at: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('rule_sets')
    .set({ status: to, publication_requested_by: by, publication_requested_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// For the public page, the Algoritmeregister export and the DPIA fact sheet.

/** Every published rule set, oldest publication first. */
export async function publishedRuleSets(db: Executor): Promise<RuleSetRow[]> {
  return db.selectFrom('rule_sets').selectAll().where('status', '=', 'published').orderBy('published_at').orderBy('id').execute();
}

/** The history of the given rule sets, in order. */
export async function eventsOfRuleSets(db: Executor, ids: number[]): Promise<RuleSetEventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('rule_set_events').selectAll().where('rule_set_id', 'in', ids).orderBy('rule_set_id').orderBy('id').execute();
}

/** The rules of a rule set as rows, for the indexes that look a rule up by indicator. */
async function insertRules(db: Executor, id: number, def: RuleSetDefinition): Promise<void> {
  if (def.rules.length === 0) return;
  const rows = def.rules.map((r) => ({ rule_set_id: id, ...pick(r) }));
  await db.insertInto('rule_set_rules').values(rows).execute();
}

const pick = ({ indicator, domain, weight, threshold, window_days, min_count }: RuleSetDefinition['rules'][number]) => ({
  indicator,
  domain,
  weight,
  threshold,
  window_days,
  min_count,
});
