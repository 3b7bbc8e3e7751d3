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

export default fp(async (app) => {
  app.setValidatorCompiler((route) => (route.httpPart === 'body' ? exact : converting)(route));
}, { name: 'validation' });

type Check = { ok: true; value: unknown } | { ok: false; error: Error };

/** A route whose body is checked by a shared validator (with its own messages) instead of ajv. */
export function bodyCheckedBy(check: (body: unknown) => Check): RouteCompiler {
  return (route) => {
    if (route.httpPart !== 'body') return converting(route);
    return (data: unknown) => {
      const r = check(data);
      return r.ok ? { value: r.value } : { error: r.error };
    };
  };
}
