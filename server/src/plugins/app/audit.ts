import crypto from 'node:crypto';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AuditObject } from './types.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEvent {
  event: string;
  outcome: AuditOutcome;
  object?: AuditObject | null;
  /** For events before a session exists (login). */
  username?: string | null;
  /** The session the entry belongs to when it is not the request's (a login starts one). */
  sessionId?: string;
}

/**
 * The session an entry belongs to, without its id: the id (itself a hash of the cookie
 * token) is hashed once more, so the audit log cannot be joined to the sessions table,
 * while all entries of one session share the value.
 */
export function auditSessionHash(sessionId: string): string {
  return crypto.createHash('sha256').update(`audit-session:${sessionId}`).digest('hex');
}

/** Writes one audit entry: who, role, when, what, outcome, from where. Never signal contents or a BSN. */
export async function writeAudit(request: FastifyRequest, e: AuditEvent): Promise<void> {
  const app = request.server;
  request.audited = true;
  const sessionId = e.sessionId ?? request.session?.id;
  const userAgent = request.headers['user-agent'];
  await app.auditWriter.write({
    at: app.clock.now().toISOString(),
    event: e.event,
    username: e.username ?? request.user?.username ?? null,
    role: request.user?.role ?? null,
    object_type: e.object?.type ?? null,
    object_id: e.object?.id ?? null,
    detail: e.object?.detail ?? null,
    outcome: e.outcome,
    ip: request.ip ?? null,
    session_hash: sessionId ? auditSessionHash(sessionId) : null,
    user_agent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
  });
}

const endpointNames: Record<string, unknown> = ENDPOINTS;

function eventName(request: FastifyRequest): string {
  const endpoint = request.routeOptions.config?.endpoint;
  if (!endpoint) return `${request.method} ${request.routeOptions.url ?? ''}`.trim();
  return Object.entries(endpointNames).find(([, e]) => e === endpoint)?.[0] ?? `${request.method} ${endpoint.url}`;
}

function defaultObject(request: FastifyRequest): AuditObject | null {
  const params = request.params as Record<string, unknown> | undefined;
  if (!params || Object.keys(params).length === 0) return null;
  const [key, value] = Object.entries(params)[0]!;
  // `/api/rule-sets/:id` → rule_set, `:flagId` → flag
  const type = key === 'id' ? ((request.routeOptions.url ?? '').split('/')[2]?.replace(/-/g, '_').replace(/s$/, '') ?? 'object') : key.replace(/Id$/, '');
  return { type, id: String(value).slice(0, 200) };
}

// Every change (non-GET), every marked read, every denial and every request refused by
// the per-address rate limit lands in the audit log, before the response goes out; a
// server error (5xx) is logged once the response is out (the database may be the cause).
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const config = request.routeOptions.config;
      const endpoint = config?.endpoint;
      if (!endpoint) return payload;
      const status = reply.statusCode;
      if (status >= 500) return payload;
      if (config.auditSelf && request.audited) return payload;
      const denied = request.denied || status === 401 || status === 403;
      const limited = status === 429 && !request.audited;
      const isChange = request.method !== 'GET' && request.method !== 'HEAD';
      if (!denied && !isChange && !config.auditRead && !config.auditSelf) return payload;
      if (config.auditSelf && !denied && !limited) return payload;
      const event = eventName(request);
      await writeAudit(request, {
        event: denied ? `denied:${event}` : limited ? `rate_limited:${event}` : (config.auditRead ?? event),
        outcome: denied || limited ? 'denied' : status < 400 ? 'success' : 'failure',
        object: request.auditObject ?? defaultObject(request),
      });
      return payload;
    });

    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode < 500) return;
      try {
        await writeAudit(request, {
          event: `server_error:${eventName(request)}`,
          outcome: 'failure',
          object: {
            type: 'request',
            id: String(request.id),
            detail: `${request.method} ${request.routeOptions.url ?? 'onbekende route'} → ${reply.statusCode}`,
          },
        });
      } catch (error) {
        request.log.error({ err: error, reqId: request.id }, 'audit entry of a server error could not be written');
      }
    });
  },
  { name: 'audit', dependencies: ['context'] },
);
