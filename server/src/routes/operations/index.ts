import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { JobRunPage, JobsQuery, SourceBody, SourceItem, SourceList, SourceParams } from '@vroegsignaal/shared/api/operations';
import { createSource, jobRuns, sourceList, updateSource } from '../../services/operations.ts';
import { sourcePolicy } from '../../services/sources.ts';
import type { RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

const operations: RoutesPlugin = async (app) => {
  app.get('/api/sources', { config: { endpoint: ENDPOINTS.sources }, schema: { tags: ['operations'], response: { 200: SourceList } } }, async () =>
    sourceList(app.db, app.clock),
  );

  app.post(
    '/api/sources',
    {
      config: { endpoint: ENDPOINTS.createSource },
      schema: { tags: ['operations'], body: SourceBody, response: { 201: SourceItem, ...errors } },
    },
    async (request, reply) => {
      request.auditObject = { type: 'source', id: request.body.name ?? '' };
      return reply.code(201).send(await createSource(app.db, app.clock, request.body, sourcePolicy(app.config)));
    },
  );

  app.patch(
    '/api/sources/:name',
    {
      config: { endpoint: ENDPOINTS.updateSource },
      schema: { tags: ['operations'], params: SourceParams, body: SourceBody, response: { 200: SourceItem, ...errors } },
    },
    async (request) => {
      const fields = Object.keys(request.body).join(', ');
      request.auditObject = { type: 'source', id: request.params.name, detail: `poging: wijzigen van ${fields}` };
      const updated = await updateSource(app.db, app.clock, request.params.name, request.body, sourcePolicy(app.config));
      request.auditObject = { type: 'source', id: request.params.name, detail: `gewijzigd: ${fields}` };
      return updated;
    },
  );

  app.get(
    '/api/jobs',
    {
      config: { endpoint: ENDPOINTS.jobs },
      schema: { tags: ['operations'], querystring: JobsQuery, response: { 200: JobRunPage, ...errors } },
    },
    async (request) => jobRuns(app.db, request.query),
  );
};
export default operations;
