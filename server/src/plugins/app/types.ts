import type { Endpoint } from '@vroegsignaal/shared/api/endpoints';
import type { AuthenticatedUser, Authenticator } from '../../auth/authenticator.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/connection.ts';
import type { ActiveSession } from '../../services/auth.ts';
import type { AuditWriter } from '../../services/audit-writer.ts';
import type { ReadCache } from '../../services/read-cache.ts';

export interface AuditObject {
  type: string;
  id: string;
  detail?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    clock: Clock;
    authenticator: Authenticator;
    auditWriter: AuditWriter;
    readCache: ReadCache;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
    user: AuthenticatedUser | null;
    /** What this request touched, for the audit log (set by a route). */
    auditObject: AuditObject | null;
    /** Set when a request is refused for lack of rights (even if answered as 404). */
    denied: boolean;
    /** Set once this request has written an audit entry. */
    audited: boolean;
  }
  interface FastifyContextConfig {
    endpoint?: Endpoint;
    /** Audit this read (GET) too; changes are always audited. */
    auditRead?: string;
    /** The route writes its own audit entry. */
    auditSelf?: boolean;
  }
}
