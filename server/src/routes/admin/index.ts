import {
  AuditPage,
  AuditQuery,
  CreateUserBody,
  IngestRunPage,
  PageOnlyQuery,
  QuarantinePage,
  QuarantineQuery,
  UpdateUserBody,
  UserCreated,
  UserItem,
  UserList,
  UserReset,
  WijkList,
} from '@vroegsignaal/shared/api/admin';
import { ErrorResponse, IdParams } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { allWijken } from '../../repositories/household-repository.ts';
import { pageIngestRuns, pageQuarantine } from '../../repositories/operations-repository.ts';
import { auditPageFor } from '../../services/audit-search.ts';
import { allUsers, changeUser, createUser, describeUserChange, resetUser, userById } from '../../services/users.ts';
import type { RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const paging = (q: { page?: number; page_size?: number }) => {
  const page = q.page ?? 1;
  const pageSize = q.page_size ?? 50;
  return { page, page_size: pageSize, limit: pageSize, offset: (page - 1) * pageSize };
};

const admin: RoutesPlugin = async (app) => {
  app.get('/api/users', { config: { endpoint: ENDPOINTS.users }, schema: { tags: ['admin'], response: { 200: UserList } } }, async () => allUsers(app.db));

  app.get('/api/wijken', { config: { endpoint: ENDPOINTS.knownWijken }, schema: { tags: ['admin'], response: { 200: WijkList } } }, async () =>
    allWijken(app.db),
  );

  app.post(
    '/api/users',
    {
      config: { endpoint: ENDPOINTS.createUser },
      schema: { tags: ['admin'], body: CreateUserBody, response: { 201: UserCreated, ...errors } },
    },
    async (request, reply) => {
      request.auditObject = { type: 'user', id: request.body.username, detail: `poging: aanmaken met rol ${request.body.role}` };
      const { user, password } = await createUser(app.db, app.clock, request.body);
      request.auditObject = { type: 'user', id: user.username, detail: `rol ${user.role}, eenmalig wachtwoord` };
      return reply.code(201).send({ user, one_time_password: password });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { endpoint: ENDPOINTS.updateUser },
      schema: { tags: ['admin'], params: IdParams, body: UpdateUserBody, response: { 200: UserItem, ...errors } },
    },
    async (request) => {
      const before = await userById(app.db, request.params.id);
      if (before) request.auditObject = { type: 'user', id: before.username, detail: `gevraagd: ${Object.keys(request.body).join(', ')}` };
      const user = await changeUser(app.db, app.clock, request.user!, request.params.id, request.body);
      request.auditObject = { type: 'user', id: user.username, detail: describeUserChange(before!, user, Object.keys(request.body)) };
      return user;
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      config: { endpoint: ENDPOINTS.resetUser },
      schema: { tags: ['admin'], params: IdParams, response: { 200: UserReset, ...errors } },
    },
    async (request) => {
      const { user, password } = await resetUser(app.db, app.clock, request.params.id);
      request.auditObject = { type: 'user', id: user.username, detail: 'nieuw eenmalig wachtwoord, tweede factor verwijderd, sessies beëindigd' };
      return { user, one_time_password: password };
    },
  );

  app.get(
    '/api/audit',
    {
      config: { endpoint: ENDPOINTS.audit, auditRead: 'audit_search' },
      schema: { tags: ['admin'], querystring: AuditQuery, response: { 200: AuditPage, ...errors } },
    },
    // What the beheerder reads has no household in it (services/audit-search.ts).
    async (request) => auditPageFor(app.db, request.query, paging(request.query)),
  );

  app.get(
    '/api/ingest-runs',
    {
      config: { endpoint: ENDPOINTS.ingestRuns },
      schema: { tags: ['admin'], querystring: PageOnlyQuery, response: { 200: IngestRunPage, ...errors } },
    },
    async (request) => {
      const p = paging(request.query);
      return { ...(await pageIngestRuns(app.db, p.limit, p.offset)), page: p.page, page_size: p.page_size };
    },
  );

  app.get(
    '/api/quarantine',
    {
      config: { endpoint: ENDPOINTS.quarantine },
      schema: { tags: ['admin'], querystring: QuarantineQuery, response: { 200: QuarantinePage, ...errors } },
    },
    async (request) => {
      const p = paging(request.query);
      const { items, total } = await pageQuarantine(app.db, { ingestRunId: request.query.ingest_run, sourceName: request.query.source }, p.limit, p.offset);
      return { items: items.map((i) => ({ ...i, reasons: JSON.parse(i.reasons) as string[] })), total, page: p.page, page_size: p.page_size };
    },
  );
};
export default admin;
