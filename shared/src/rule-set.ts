import { Type, type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import { domainOf, type RuleSetDefinition } from './contract.ts';

// The one validator of a rule set (contract section 3), used by `mpg rules import`, the API
// and the dashboard: the same definitions are accepted and refused everywhere, with the same
// Dutch message per mistake (`rules[2].weight: moet een getal van 0 of meer zijn`).
// Each field's `description` is the requirement its message states.

/** The name a rule set gets when it has none: the contract does not require one. */
export const UNNAMED = 'Naamloos';

// Scores are summed exactly in integer millionths (64-bit): a weight or threshold beyond
// 1e8 could make a sum of all rules leave the exactly representable integers (2^53).
const EXACT = 'scores worden exact in miljoensten opgeteld';
const SCORE_LIMIT = 100_000_000;
// Stored as 32-bit integers; a larger window (millions of years) or count changes nothing.
const COUNT_WHY = 'een groter getal verandert niets aan de uitkomst';
const INT_LIMIT = 2_147_483_647;

const fields = {
  name: Type.Union([Type.String(), Type.Null()], { description: 'tekst of null' }),
  flag_threshold: Type.Number({
    minimum: -SCORE_LIMIT,
    maximum: SCORE_LIMIT,
    description: 'een getal',
    bound: { min: -SCORE_LIMIT, max: SCORE_LIMIT, why: EXACT },
  }),
  min_domains: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'een heel getal van minstens 1, of null' }),
  indicator: Type.String({ description: 'een indicator uit de catalogus' }),
  domain: Type.String({ description: 'het leefgebied van de indicator' }),
  weight: Type.Number({ minimum: 0, maximum: SCORE_LIMIT, description: 'een getal van 0 of meer', bound: { max: SCORE_LIMIT, why: EXACT } }),
  threshold: Type.Union([Type.Number(), Type.Null()], { description: 'een getal of null (geen drempelwaarde)' }),
  window_days: Type.Integer({ minimum: 1, maximum: INT_LIMIT, description: 'een heel getal van minstens 1', bound: { max: INT_LIMIT, why: COUNT_WHY } }),
  min_count: Type.Integer({ minimum: 1, maximum: INT_LIMIT, description: 'een heel getal van minstens 1', bound: { max: INT_LIMIT, why: COUNT_WHY } }),
};

const ruleProperties = {
  indicator: fields.indicator,
  domain: fields.domain,
  weight: fields.weight,
  threshold: fields.threshold,
  window_days: fields.window_days,
  min_count: fields.min_count,
};

/** A rule as accepted: a missing threshold reads as null. */
export const RuleInput = Type.Object({ ...ruleProperties, threshold: Type.Optional(fields.threshold) }, { additionalProperties: false });

/** A rule set as accepted: a missing name reads as "Naamloos", a missing min_domains as null. */
export const RuleSetInput = Type.Object(
  {
    name: Type.Optional(fields.name),
    flag_threshold: fields.flag_threshold,
    min_domains: Type.Optional(fields.min_domains),
    rules: Type.Array(RuleInput, { description: 'een lijst van regels' }),
  },
  { additionalProperties: false },
);
export type RuleSetInput = Static<typeof RuleSetInput>;

/** A rule set as stored and returned: every field present. */
export const RuleSetSchema = Type.Object(
  {
    name: Type.String(),
    flag_threshold: fields.flag_threshold,
    min_domains: fields.min_domains,
    rules: Type.Array(Type.Object(ruleProperties, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export interface RuleSetMistake {
  /** Where the mistake is (`rules[2].weight`); empty for the rule set as a whole. */
  path: string;
  reason: string;
}
export type RuleSetCheck = { ok: true; ruleSet: RuleSetDefinition } | { ok: false; errors: RuleSetMistake[] };

export const mistakeText = (m: RuleSetMistake): string => (m.path ? `${m.path}: ${m.reason}` : m.reason);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One mistake per wrong, missing or unknown field of an object, checked against its schema. */
function checkFields(value: Record<string, unknown>, schema: { properties: Record<string, TSchema>; required?: string[] }, at: string): RuleSetMistake[] {
  const mistakes: RuleSetMistake[] = [];
  const required = new Set(schema.required ?? []);
  for (const [key, fieldSchema] of Object.entries(schema.properties)) {
    const path = at ? `${at}.${key}` : key;
    const description = (fieldSchema as { description?: string }).description ?? 'geldig';
    if (!(key in value) || value[key] === undefined) {
      if (required.has(key)) mistakes.push({ path, reason: `ontbreekt (${description})` });
    } else if (key !== 'rules' && !Value.Check(fieldSchema, value[key])) {
      mistakes.push({ path, reason: boundMistake(fieldSchema, value[key]) ?? `moet ${description} zijn` });
    }
  }
  for (const key of Object.keys(value)) {
    if (!(key in schema.properties)) mistakes.push({ path: at ? `${at}.${key}` : key, reason: 'is geen bekend veld' });
  }
  return mistakes;
}

interface Bound {
  min?: number;
  max: number;
  why: string;
}

/** The message for a number beyond a field's bound (which the contract's reading adds), with the reason. */
function boundMistake(schema: TSchema, value: unknown): string | undefined {
  const bound = (schema as { bound?: Bound }).bound;
  if (!bound || typeof value !== 'number') return undefined;
  if (value > bound.max) return `moet ten hoogste ${bound.max} zijn: ${bound.why}`;
  if (bound.min !== undefined && value < bound.min) return `moet minstens ${bound.min} zijn: ${bound.why}`;
  return undefined;
}

function checkRule(rule: unknown, at: string, seen: Set<string>): RuleSetMistake[] {
  if (!isObject(rule)) return [{ path: at, reason: 'moet een object zijn' }];
  const mistakes = checkFields(rule, RuleInput, at);
  const { indicator, domain } = rule;
  if (typeof indicator !== 'string') return mistakes;
  const expected = domainOf(indicator);
  if (expected === undefined) mistakes.push({ path: `${at}.indicator`, reason: `'${indicator}' staat niet in de indicatorcatalogus` });
  else if (seen.has(indicator)) mistakes.push({ path: `${at}.indicator`, reason: `'${indicator}' komt meer dan één keer voor` });
  else {
    seen.add(indicator);
    if (typeof domain === 'string' && domain !== expected) {
      mistakes.push({ path: `${at}.domain`, reason: `'${domain}' is niet het leefgebied van ${indicator} (${expected})` });
    }
  }
  return mistakes;
}

/** Checks a rule set and returns it as stored (name, min_domains and thresholds filled in), or every mistake. */
export function checkRuleSet(input: unknown): RuleSetCheck {
  if (!isObject(input)) return { ok: false, errors: [{ path: '', reason: 'de regelset moet een JSON-object zijn' }] };
  const errors = checkFields(input, RuleSetInput, '');
  if (!Array.isArray(input.rules)) {
    if ('rules' in input) errors.push({ path: 'rules', reason: 'moet een lijst van regels zijn' });
  } else {
    const seen = new Set<string>();
    for (const [i, rule] of input.rules.entries()) errors.push(...checkRule(rule, `rules[${i}]`, seen));
  }
  if (errors.length > 0 || !Value.Check(RuleSetInput, input)) {
    return { ok: false, errors: errors.length > 0 ? errors : [{ path: '', reason: 'de regelset is ongeldig' }] };
  }
  return { ok: true, ruleSet: normalised(input) };
}

function normalised(input: RuleSetInput): RuleSetDefinition {
  const name = input.name?.trim();
  return {
    name: name ? name : UNNAMED,
    flag_threshold: input.flag_threshold,
    min_domains: input.min_domains ?? null,
    rules: input.rules.map((r) => ({
      indicator: r.indicator,
      domain: r.domain,
      weight: r.weight,
      threshold: r.threshold ?? null,
      window_days: r.window_days,
      min_count: r.min_count,
    })),
  };
}
