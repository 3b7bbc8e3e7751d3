import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, OutOfScope } from '../../services/errors.ts';
import { schemaError, type AjvLikeError } from './schema-errors.ts';

// Errors never carry a stack trace or internal detail. Schema errors become 400 with
// the field and the reason; services' ApiErrors keep their status.

export default fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error.validation) {
        const { field, reason } = schemaError(error.validationContext, error.validation as AjvLikeError[]);
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${field}: ${reason}`, field, reason });
      }
      if (error instanceof ApiError) {
        if (error instanceof OutOfScope) request.denied = true;
        const body: Record<string, unknown> = { statusCode: error.statusCode, error: statusText(error.statusCode), message: error.message };
        if (error.field) body.field = error.field;
        if (error.reason) body.reason = error.reason;
        return reply.code(error.statusCode).send(body);
      }
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) return unexpected(error, request, reply);
      if (status === 429) return reply.code(429).send({ statusCode: 429, error: 'Too Many Requests', message: error.message });
      return reply.code(status).send({ statusCode: status, error: statusText(status), message: clientMessage(error) });
    });
  },
  { name: 'error-handler' },
);

/**
 * Logged with the request id (pino adds reqId), but only what identifies the fault: never the
 * request body, and never the error's own enumerable fields (a driver error carries SQL
 * parameters and row values in `detail`, `parameters`, `where`). The client learns only the id.
 */
function unexpected(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = (error as { code?: unknown }).code;
  request.log.error(
    { err: { type: error.name, message: error.message, stack: error.stack, code: typeof code === 'string' ? code : undefined } },
    'unexpected error',
  );
  return reply
    .code(500)
    .header('x-request-id', request.id)
    .send({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Er ging iets mis op de server. Noem bij een melding verzoeknummer ${request.id}.`,
      request_id: request.id,
    });
}

function clientMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return 'body: geen geldige JSON';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body: te groot';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'content-type wordt niet ondersteund; gebruik application/json';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'body: leeg, maar JSON verwacht';
  return 'ongeldig verzoek';
}

function statusText(status: number): string {
  return (
    (
      {
        400: 'Bad Request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        409: 'Conflict',
        413: 'Payload Too Large',
        415: 'Unsupported Media Type',
        429: 'Too Many Requests',
      } as Record<number, string>
    )[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error')
  );
}
