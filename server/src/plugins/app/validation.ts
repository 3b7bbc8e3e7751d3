import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';

// A request body is taken exactly as sent: ajv must not turn null into 0 or "5" into 5
// (coercion once made "threshold: null" a threshold of 0). Query strings, route parameters
// and headers arrive as text, so those parts are still converted to the schema's types.
// Unknown properties are an error rather than silently dropped (removeAdditional: false).

const build = AjvCompiler();
const common = { removeAdditional: false, useDefaults: true, allErrors: false } as const;
type RouteCompiler = FastifySchemaCompiler<FastifySchema>;
const exact = build({}, { customOptions: { ...common, coerceTypes: false } }) as unknown as RouteCompiler;
const converting = build({}, { customOptions: { ...common, coerceTypes: 'array' } }) as unknown as RouteCompiler;

// Converted, but only from plain decimal text: ajv would read "0x10", "1e1" or " 16" as 16,
// so /api/rule-sets/0x10 edited rule set 16.
const DECIMAL: Record<string, RegExp> = { integer: /^-?(0|[1-9][0-9]*)$/, number: /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/ };

type SchemaNode = { type?: unknown; anyOf?: SchemaNode[]; properties?: Record<string, SchemaNode> };
const numericType = (s: SchemaNode): string | undefined =>
  typeof s.type === 'string' && s.type in DECIMAL ? s.type : s.anyOf?.map(numericType).find((t) => t !== undefined);

const textConverting: RouteCompiler = (route) => {
  const validate = converting(route);
  const properties = Object.entries((route.schema as SchemaNode).properties ?? {});
  // Fastify reads ajv's errors from the function it was given: pass them on.
  const checked = (data: unknown) => {
    const values = (data ?? {}) as Record<string, unknown>;
    for (const [name, schema] of properties) {
      const type = numericType(schema);
      const raw = values[name];
      if (type && typeof raw === 'string' && !DECIMAL[type]!.test(raw)) {
        return { error: Object.assign(new Error(`${name}: not decimal`), { validation: [{ instancePath: `/${name}`, keyword: 'type', params: { type } }] }) };
      }
    }
    const result = validate(data);
    Object.assign(checked, { errors: (validate as { errors?: unknown }).errors });
    return result;
  };
  return checked;
};

export default fp(
  async (app) => {
    app.setValidatorCompiler((route) => (route.httpPart === 'body' ? exact : textConverting)(route));
  },
  { name: 'validation' },
);

type Check = { ok: true; value: unknown } | { ok: false; error: Error };

/** A route whose body is checked by a shared validator (with its own messages) instead of ajv. */
export function bodyCheckedBy(check: (body: unknown) => Check): RouteCompiler {
  return (route) => {
    if (route.httpPart !== 'body') return textConverting(route);
    return (data: unknown) => {
      const r = check(data);
      return r.ok ? { value: r.value } : { error: r.error };
    };
  };
}
