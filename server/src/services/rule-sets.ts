import fs from 'node:fs/promises';
import { checkRuleSet, mistakeText, type RuleSetDefinition } from '@vroegsignaal/shared';
import { contentHash } from '../core/content-hash.ts';
import { addRuleSetEvent, insertRuleSet, markPublished, nextVersion } from '../repositories/rule-set-repository.ts';
import type { EngineContext } from './context.ts';

export class RuleSetInvalid extends Error {
  override name = 'RuleSetInvalid';
  constructor(readonly errors: string[]) {
    super(invalidMessage(errors));
  }
}

/** The one message for a refused rule set, in the CLI and the API alike. */
export const invalidMessage = (errors: string[]) => `de regelset is ongeldig: ${errors.join('; ')}`;

export interface StoredRuleSet {
  id: number;
  name: string;
  version: number;
  published: boolean;
}

export async function readRuleSetFile(file: string): Promise<RuleSetDefinition> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new RuleSetInvalid([`kan ${file} niet lezen: ${(e as NodeJS.ErrnoException).code ?? 'fout'}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RuleSetInvalid([`geen geldige JSON: ${(e as Error).message}`]);
  }
  const checked = checkRuleSet(json);
  if (!checked.ok) throw new RuleSetInvalid(checked.errors.map(mistakeText));
  return checked.ruleSet;
}

/**
 * Stores a rule set as the next version of its name; publishes it at once when asked (operator
 * CLI: no second beleidsmaker, so it is marked as published via beheer, by `publisher`).
 */
export async function storeRuleSet(ctx: EngineContext, def: RuleSetDefinition, publish: boolean, publisher = ctx.actor): Promise<StoredRuleSet> {
  const at = ctx.clock.now().toISOString();
  const hash = contentHash(def);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx, def.name);
    const id = await insertRuleSet(trx, def, version, ctx.actor, at);
    await addRuleSetEvent(trx, { rule_set_id: id, kind: 'created', actor: ctx.actor, at, content_hash: hash });
    if (publish) {
      await markPublished(trx, id, { by: publisher, at, approvedBy: null, reason: null, via: 'beheer' }, ['draft']);
      await addRuleSetEvent(trx, { rule_set_id: id, kind: 'published', actor: publisher, at, content_hash: hash, reason: 'geïmporteerd via beheer' });
    }
    return { id, name: def.name, version, published: publish };
  });
}
