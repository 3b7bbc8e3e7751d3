import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { secondsText } from '../../core/seconds-text.ts';
import { type AuditOutcome, writeAudit } from '../../plugins/app/audit.ts';
import { ApiError } from '../../services/errors.ts';
import { type CodeFailure, MAX_CODE_FAILURES } from '../../services/second-factor-code.ts';

// The answer to a refused code of the second factor, audited with the account, never the
// code typed; and the Dutch 429 of the account's throttle.

const BLOCKED = 'uw tweede factor is vergrendeld na te veel foute codes; neem contact op met de beheerder om uw account te laten resetten';

export const codeErrors = { 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };

export function tooManyAttempts(reply: FastifyReply, seconds: number) {
  reply.header('retry-after', String(seconds));
  return reply.code(429).send({
    statusCode: 429,
    error: 'Too Many Requests',
    message: `te veel mislukte pogingen; probeer het over ${secondsText(seconds)} opnieuw`,
  });
}

export interface Refusal {
  event: string;
  outcome: AuditOutcome;
  detail?: string;
}

const JUST_BLOCKED: Refusal = { event: 'totp_blocked', outcome: 'denied', detail: `vergrendeld na ${MAX_CODE_FAILURES} foute codes op rij` };

/** A refused code in the second step of the sign-in. */
export function signInRefusal(r: CodeFailure): Refusal {
  if (r.reason === 'blocked') return r.justBlocked ? JUST_BLOCKED : { event: 'totp_blocked', outcome: 'denied', detail: 'poging terwijl vergrendeld' };
  if (r.reason === 'locked') return { event: 'totp_throttled', outcome: 'denied' };
  return r.reason === 'replayed' ? { event: 'totp_replayed', outcome: 'denied' } : { event: 'totp_failed', outcome: 'failure' };
}

const REFUSED_DETAIL = { blocked: 'tweede factor vergrendeld', locked: 'te veel mislukte pogingen', replayed: 'code al gebruikt', invalid: 'code onjuist' };

/** A refused code when asking for new recovery codes; the tenth wrong one in a row is the lock's own event. */
export function recoveryRefusal(r: CodeFailure): Refusal {
  if (r.reason === 'blocked' && r.justBlocked) return JUST_BLOCKED;
  return { event: 'recovery_codes_refused', outcome: r.reason === 'invalid' ? 'failure' : 'denied', detail: REFUSED_DETAIL[r.reason] };
}

/** Audits the refusal and answers: 403 for a locked second factor, 429 while the account waits, else 400. */
export async function refuseCode(request: FastifyRequest, reply: FastifyReply, r: CodeFailure, refusal: Refusal) {
  const detail = refusal.detail ? { detail: refusal.detail } : {};
  await writeAudit(request, { event: refusal.event, outcome: refusal.outcome, object: { type: 'user', id: request.user!.username, ...detail } });
  if (r.reason === 'blocked') throw ApiError.forbidden(BLOCKED);
  if (r.reason === 'locked') return tooManyAttempts(reply, r.retryAfterSeconds);
  throw ApiError.badRequest(
    'body.code',
    r.reason === 'replayed' ? 'deze code is al gebruikt; wacht op de volgende code in uw app' : 'de code klopt niet of is verlopen',
  );
}
