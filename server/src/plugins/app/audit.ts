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
}

/** Writes one audit entry: who, role, when, what, outcome, from where. Never signal contents or a BSN. */
export async function writeAudit(request: FastifyRequest, e: AuditEvent): Promise<void> {
  const app = request.server;
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
  });
}

const endpointNames: Record<string, unknown> = ENDPOINTS;

function defaultObject(request: FastifyRequest): AuditObject | null {
  const params = request.params as Record<string, unknown> | undefined;
  if (!params || Object.keys(params).length === 0) return null;
  const [key, value] = Object.entries(params)[0]!;
  // `/api/rule-sets/:id` → rule_set, `:flagId` → flag
  const type = key === 'id' ? (request.routeOptions.url ?? '').split('/')[2]?.replace(/-/g, '_').replace(/s$/, '') ?? 'object' : key.replace(/Id$/, '');
  return { type, id: String(value).slice(0, 200) };
}

// Every change (non-GET), every marked read and every denial lands in the audit log,
// before the response goes out.
export default fp(async (app) => {
  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    const endpoint = config?.endpoint;
    if (!endpoint) return payload;
    const status = reply.statusCode;
    const denied = request.denied || status === 401 || status === 403;
    const isChange = request.method !== 'GET' && request.method !== 'HEAD';
    if (config.auditSelf && !denied) return payload;
    if (!denied && !isChange && !config.auditRead) return payload;
    const event = Object.entries(endpointNames).find(([, e]) => e === endpoint)?.[0] ?? `${request.method} ${endpoint.url}`;
    await writeAudit(request, {
      event: denied ? `denied:${event}` : config.auditRead ?? event,
      outcome: denied ? 'denied' : status < 400 ? 'success' : 'failure',
      object: request.auditObject ?? defaultObject(request),
    });
    return payload;
  });
}, { name: 'audit', dependencies: ['context'] });
