import { createHash } from 'node:crypto';
import type { RuleSetDefinition } from '@vroegsignaal/shared';

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;

/** SHA-256 of the definition as canonical JSON (keys sorted): the version an approval names. */
export function contentHash(def: RuleSetDefinition): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(def)))
    .digest('hex');
}

/** Whether two rule sets score alike: the same flag condition and rules, whatever their name and rule order. */
export function sameRules(a: RuleSetDefinition, b: RuleSetDefinition): boolean {
  const scoring = (d: RuleSetDefinition) => ({ ...d, name: '', rules: [...d.rules].sort((x, y) => (x.indicator < y.indicator ? -1 : 1)) });
  return contentHash(scoring(a)) === contentHash(scoring(b));
}
