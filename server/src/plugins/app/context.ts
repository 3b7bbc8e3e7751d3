import fp from 'fastify-plugin';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/connection.ts';
import { PasswordAuthenticator } from '../../services/auth.ts';
import { AuditWriter } from '../../services/audit-writer.ts';
import { ReadCache } from '../../services/read-cache.ts';
import './types.ts';

// The database, configuration, clock and authenticator, for routes and hooks.
export default fp<{ config: Config; db: Db; clock: Clock; authenticator?: Authenticator }>(
  async (app, opts) => {
    app.decorate('db', opts.db);
    app.decorate('config', opts.config);
    app.decorate('clock', opts.clock);
    app.decorate('authenticator', opts.authenticator ?? new PasswordAuthenticator(opts.db, opts.clock));
    app.decorate('auditWriter', new AuditWriter(opts.db));
    app.decorate('readCache', new ReadCache(opts.db));
    app.decorateRequest('session', null);
    app.decorateRequest('user', null);
    app.decorateRequest('auditObject', null);
    app.decorateRequest('denied', false);
    app.decorateRequest('audited', false);
  },
  { name: 'context' },
);
