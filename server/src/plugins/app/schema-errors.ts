// Ajv's schema errors as a field and a Dutch reason, for a 400 the user can act on.
import { VISIBLE_CHAR } from '@vroegsignaal/shared/api/common';

export interface AjvLikeError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const TYPES: Record<string, string> = {
  number: 'een getal',
  integer: 'een heel getal',
  string: 'tekst',
  boolean: 'true of false',
  null: 'null',
  object: 'een object',
  array: 'een lijst',
};

function fieldOf(context: string | undefined, e: AjvLikeError | undefined): string {
  const path = (e?.instancePath ?? '').split('/').filter(Boolean);
  for (const key of ['missingProperty', 'additionalProperty']) {
    const name = e?.params?.[key];
    if (typeof name === 'string') path.push(name);
  }
  return [context ?? 'request', ...path].join('.');
}

const typeName = (t: unknown) => [...new Set((Array.isArray(t) ? t : [t]).map((x) => TYPES[String(x)] ?? String(x)))].join(' of ');

function reasonOf(e: AjvLikeError, siblings: AjvLikeError[]): string {
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'type': {
      // A union (anyOf) reports each alternative; name each type once.
      const alternatives = siblings.filter((s) => s.keyword === 'type').map((s) => s.params?.type);
      return `moet ${typeName(alternatives.length > 1 ? alternatives : p.type)} zijn`;
    }
    case 'required':
      return 'ontbreekt';
    case 'additionalProperties':
      return 'is geen bekend veld';
    case 'minimum':
      return `moet ${String(p.limit)} of meer zijn`;
    case 'maximum':
      return `moet ${String(p.limit)} of minder zijn`;
    case 'exclusiveMinimum':
      return `moet meer dan ${String(p.limit)} zijn`;
    case 'exclusiveMaximum':
      return `moet minder dan ${String(p.limit)} zijn`;
    case 'minLength':
      return `moet minstens ${String(p.limit)} teken(s) lang zijn`;
    case 'maxLength':
      return `mag hoogstens ${String(p.limit)} tekens lang zijn`;
    case 'minItems':
      return `moet minstens ${String(p.limit)} element(en) hebben`;
    case 'maxItems':
      return `mag hoogstens ${String(p.limit)} elementen hebben`;
    case 'pattern':
      return p.pattern === VISIBLE_CHAR ? 'mag niet leeg zijn of alleen uit spaties bestaan' : 'heeft niet de juiste vorm';
    case 'format':
      return p.format === 'date' ? 'moet een bestaande datum zijn (JJJJ-MM-DD)' : 'heeft niet de juiste vorm';
    case 'const':
    case 'enum':
      return 'is geen toegestane waarde';
    default:
      return 'is ongeldig';
  }
}

/** The first mistake of a failed validation: `body.rules.0.weight` and why, in Dutch. */
export function schemaError(context: string | undefined, errors: AjvLikeError[]): { field: string; reason: string } {
  const first = unionChoice(errors) ?? errors[0];
  if (!first) return { field: context ?? 'request', reason: 'is ongeldig' };
  const siblings = errors.filter((e) => e.instancePath === first.instancePath);
  return { field: fieldOf(context, first), reason: reasonOf(first, siblings) };
}

/**
 * A union (anyOf) reports every alternative's mistakes, the first alternative's first. A
 * value that is present but wrong (huisnummer 0 in an address) says more than a field of
 * another alternative that is missing (the BSN), so that one is named.
 */
function unionChoice(errors: AjvLikeError[]): AjvLikeError | undefined {
  if (!errors.some((e) => e.keyword === 'anyOf')) return undefined;
  return errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'required' && e.keyword !== 'additionalProperties' && (e.instancePath ?? '') !== '');
}
