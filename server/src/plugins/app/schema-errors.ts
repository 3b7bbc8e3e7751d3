// Ajv's schema errors as a field and a Dutch reason, for a 400 the user can act on.

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

const typeName = (t: unknown) => (Array.isArray(t) ? t : [t]).map((x) => TYPES[String(x)] ?? String(x)).join(' of ');

function reasonOf(e: AjvLikeError, siblings: AjvLikeError[]): string {
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'type': {
      // A union (anyOf) reports each alternative; name them all.
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
      return p.pattern === '\\S' ? 'mag niet leeg zijn of alleen uit spaties bestaan' : 'heeft niet de juiste vorm';
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
  const first = errors[0];
  if (!first) return { field: context ?? 'request', reason: 'is ongeldig' };
  const siblings = errors.filter((e) => e.instancePath === first.instancePath);
  return { field: fieldOf(context, first), reason: reasonOf(first, siblings) };
}
